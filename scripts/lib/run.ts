import { spawn, type SpawnOptions } from "node:child_process";

/**
 * Runs a command and resolves when it exits 0. Always asynchronous: the embedded database
 * server lives in this process, and a blocking child would starve it.
 */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`));
    });
  });
}

export const bin = (name: string) => `node_modules/.bin/${name}`;
