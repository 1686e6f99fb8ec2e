import net from "node:net";

/**
 * Gives the embedded server PostgreSQL's LISTEN/NOTIFY behaviour across connections.
 *
 * PGlite is one PostgreSQL session shared by every socket client. A LISTEN from one client makes
 * that shared session listen, and a notification is then written into the reply of whichever
 * client committed it, not to the client that listens. This relay sits between clients and
 * the PGlite socket server, one upstream connection per client, passes every message through,
 * and:
 * - remembers which channels each client has asked to LISTEN to;
 * - takes every NotificationResponse out of the reply it arrived in and writes it to each client
 *   listening on that channel (the committing client included, if it listens), between two
 *   whole messages of that client's stream, as PostgreSQL's own asynchronous messages arrive;
 * - turns a client's UNLISTEN into a statement that unlistens nothing, because the shared session
 *   must keep listening for the other clients; the relay stops delivering to that client.
 *
 * Known differences from PostgreSQL, acceptable for a single-instance development database:
 * LISTEN and UNLISTEN are recognised as whole statements (simple or extended protocol) and take
 * effect when sent, even inside a transaction that is later rolled back; only a single-statement
 * UNLISTEN is rewritten (one in a multi-statement query stops the shared session listening).
 */
export type NotificationRelay = {
  port: number;
  stop: () => Promise<void>;
};

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const PROTOCOL_3 = 196608;
/** A channel no one notifies: "UNLISTEN" on it answers exactly like UNLISTEN and changes nothing. */
const UNUSED_CHANNEL = "habeas_relay_unused";

type Connection = {
  client: net.Socket;
  upstream: net.Socket;
  channels: Set<string>;
  /** Client side: still in the untyped start-up messages. */
  startingUp: boolean;
  /** One-byte answers (SSL/GSSENC refusals) the server still owes before its typed messages. */
  pendingByteReplies: number;
  fromClient: Buffer;
  fromServer: Buffer;
};

/** Folds a channel identifier as PostgreSQL does: "Quoted" kept as is, unquoted lower-cased. */
function channelName(identifier: string): string {
  return identifier.startsWith('"') ? identifier.slice(1, -1).replaceAll('""', '"') : identifier.toLowerCase();
}

const IDENTIFIER = String.raw`("(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const LISTEN = new RegExp(String.raw`^LISTEN\s+${IDENTIFIER}$`, "i");
const UNLISTEN = new RegExp(String.raw`^UNLISTEN\s+(\*|${IDENTIFIER})$`, "i");

function statementsOf(sql: string): string[] {
  return sql
    .split(";")
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Updates the client's channels from a query's text. Returns replacement text when the query
 * is one UNLISTEN statement, otherwise null (the query goes through unchanged).
 */
function trackListening(connection: Connection, sql: string): string | null {
  const statements = statementsOf(sql);
  for (const statement of statements) {
    const listen = LISTEN.exec(statement);
    if (listen) connection.channels.add(channelName(listen[1]));
    const unlisten = UNLISTEN.exec(statement);
    if (unlisten) {
      if (unlisten[1] === "*") connection.channels.clear();
      else connection.channels.delete(channelName(unlisten[1]));
    }
  }
  return statements.length === 1 && UNLISTEN.test(statements[0]) ? `UNLISTEN ${UNUSED_CHANNEL}` : null;
}

function typedMessage(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** Inspects (and perhaps rewrites) one typed message from a client: Query or Parse. */
function fromClientMessage(connection: Connection, message: Buffer): Buffer {
  const type = String.fromCharCode(message[0]);
  const body = message.subarray(5);
  if (type === "Q") {
    const end = body.indexOf(0);
    const replacement = trackListening(connection, body.toString("utf8", 0, end));
    return replacement === null ? message : typedMessage("Q", Buffer.from(`${replacement}\0`, "utf8"));
  }
  if (type === "P") {
    const nameEnd = body.indexOf(0);
    const queryEnd = body.indexOf(0, nameEnd + 1);
    const replacement = trackListening(connection, body.toString("utf8", nameEnd + 1, queryEnd));
    if (replacement === null) return message;
    return typedMessage(
      "P",
      Buffer.concat([body.subarray(0, nameEnd + 1), Buffer.from(`${replacement}\0`, "utf8"), body.subarray(queryEnd + 1)]),
    );
  }
  return message;
}

/** Splits whole messages off the client's stream; the start-up messages carry no type byte. */
function takeClientMessages(connection: Connection): Buffer[] {
  const out: Buffer[] = [];
  let buffer = connection.fromClient;
  for (;;) {
    if (connection.startingUp) {
      if (buffer.length < 8) break;
      const length = buffer.readInt32BE(0);
      if (buffer.length < length) break;
      const code = buffer.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) connection.pendingByteReplies += 1;
      if (code === PROTOCOL_3) connection.startingUp = false;
      out.push(buffer.subarray(0, length));
      buffer = buffer.subarray(length);
    } else {
      if (buffer.length < 5) break;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) break;
      out.push(fromClientMessage(connection, buffer.subarray(0, length)));
      buffer = buffer.subarray(length);
    }
  }
  connection.fromClient = buffer;
  return out;
}

export async function startNotificationRelay(options: {
  host: string;
  port: number;
  upstream: { host: string; port: number };
  maxConnections: number;
}): Promise<NotificationRelay> {
  const connections = new Set<Connection>();

  function deliver(channel: string, notification: Buffer, origin: Connection): boolean {
    for (const connection of connections) {
      if (connection !== origin && connection.channels.has(channel) && connection.client.writable) {
        connection.client.write(notification);
      }
    }
    return origin.channels.has(channel);
  }

  /**
   * Forwards whole server messages to the client, routing notifications to their listeners.
   * Returns false when the client is not keeping up (the caller pauses the server side).
   */
  function forwardServerMessages(connection: Connection): boolean {
    let buffer = connection.fromServer;
    const keep: Buffer[] = [];
    while (connection.pendingByteReplies > 0 && buffer.length > 0) {
      keep.push(buffer.subarray(0, 1));
      buffer = buffer.subarray(1);
      connection.pendingByteReplies -= 1;
    }
    let start = 0;
    let offset = 0;
    while (buffer.length - offset >= 5) {
      const length = 1 + buffer.readInt32BE(offset + 1);
      if (buffer.length - offset < length) break;
      if (buffer[offset] === 0x41 /* A: NotificationResponse */) {
        const message = buffer.subarray(offset, offset + length);
        const channelEnd = message.indexOf(0, 9);
        const channel = message.toString("utf8", 9, channelEnd);
        keep.push(buffer.subarray(start, offset));
        if (deliver(channel, Buffer.from(message), connection)) keep.push(message);
        start = offset + length;
      }
      offset += length;
    }
    keep.push(buffer.subarray(start, offset));
    connection.fromServer = Buffer.from(buffer.subarray(offset));
    const out = Buffer.concat(keep);
    if (out.length === 0 || !connection.client.writable) return true;
    return connection.client.write(out);
  }

  const server = net.createServer((client) => {
    client.setNoDelay(true);
    const upstream = net.connect({ host: options.upstream.host, port: options.upstream.port });
    upstream.setNoDelay(true);
    const connection: Connection = {
      client,
      upstream,
      channels: new Set(),
      startingUp: true,
      pendingByteReplies: 0,
      fromClient: Buffer.alloc(0),
      fromServer: Buffer.alloc(0),
    };
    connections.add(connection);

    client.on("data", (chunk) => {
      connection.fromClient = Buffer.concat([connection.fromClient, chunk]);
      const messages = takeClientMessages(connection);
      if (messages.length > 0 && !upstream.write(Buffer.concat(messages))) {
        client.pause();
        upstream.once("drain", () => client.resume());
      }
    });
    upstream.on("data", (chunk) => {
      connection.fromServer = Buffer.concat([connection.fromServer, chunk]);
      if (!forwardServerMessages(connection)) {
        upstream.pause();
        client.once("drain", () => upstream.resume());
      }
    });

    const close = () => {
      connections.delete(connection);
      client.destroy();
      upstream.destroy();
    };
    client.on("close", close);
    upstream.on("close", close);
    client.on("error", close);
    upstream.on("error", close);
  });
  server.maxConnections = options.maxConnections;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("the notification relay has no address");

  return {
    port: address.port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const connection of connections) {
          connection.client.destroy();
          connection.upstream.destroy();
        }
        connections.clear();
        server.close(() => resolve());
      }),
  };
}
