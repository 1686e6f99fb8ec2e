import { parseArgs } from "node:util";
import readline from "node:readline";
import { Writable } from "node:stream";
import { createUserInput, newPassword } from "../lib/validation/user";
import { migrate, openDatabase } from "./lib/database";

/**
 * `npm run user:create -- --email a@example.org --name "A Name" --role ADMIN [--password]`
 *
 * Creates a user (the first admin of a new installation, typically). Without --password it
 * prints a one-time link to set the password; with --password it asks for one, unechoed.
 * There is no default password anywhere. With the embedded database, stop the app first:
 * one process at a time may open its data directory.
 */
const usage = 'usage: npm run user:create -- --email a@example.org --name "A Name" --role ADMIN|EDITOR|CONTRIBUTOR|VIEWER [--password]';

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    password: { type: "boolean", default: false },
  },
});

const parsed = createUserInput.safeParse({ email: values.email, name: values.name, role: values.role?.toUpperCase() });
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
  console.error(usage);
  process.exit(2);
}

/** Reads one line without echoing it when typed at a terminal. */
async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const prompt = readline.createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  process.stdout.write(question);
  muted = true;
  const answer = await new Promise<string>((resolve) => prompt.once("line", resolve));
  prompt.close();
  process.stdout.write("\n");
  return answer;
}

let password: string | undefined;
if (values.password) {
  password = await askHidden("Password: ");
  const checked = newPassword.safeParse(password);
  if (!checked.success) {
    console.error(checked.error.issues.map((issue) => issue.message).join("; "));
    process.exit(2);
  }
  if (process.stdin.isTTY && (await askHidden("Repeat the password: ")) !== password) {
    console.error("The passwords differ.");
    process.exit(2);
  }
}

const database = await openDatabase();
let code = 0;
try {
  await migrate(database);
  process.env.DATABASE_URL = database.url;
  process.env.HABEAS_DB_MODE = database.mode;
  // Loaded only now: the client reads DATABASE_URL on first use.
  const { prisma, disconnect } = await import("../lib/db/client");
  const { createUserWithPassword, passwordLinkPath } = await import("../lib/data/users");
  try {
    const exists = await prisma.user.findUnique({ where: { email: parsed.data.email }, select: { id: true } });
    if (exists) throw new Error(`a user with the email ${parsed.data.email} already exists`);
    const created = await prisma.$transaction((tx) =>
      createUserWithPassword(tx, { kind: "process", label: "command line" }, { ...parsed.data, password }),
    );
    console.log(`[habeas] created ${parsed.data.role.toLowerCase()} ${parsed.data.email}`);
    if (created.token) {
      const base = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
      console.log(`Set the password within 72 hours at: ${new URL(passwordLinkPath(created.token), base)}`);
    }
  } finally {
    await disconnect();
  }
} catch (error) {
  console.error(`[habeas] could not create the user: ${(error as Error).message}`);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
