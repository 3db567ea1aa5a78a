/* global process, setInterval, clearInterval */
// Runs the real guacamole-lite (npm devDependency) in its own process, as integration tests need: a token it
// cannot decrypt crashes guacamole-lite 1.2.0's whole process. Listens on 127.0.0.1 port 0 and prints
// `{"port":N,"guacdPort":M}` on stdout once it listens.
//
// GUACD=none   nothing listens on guacd's port (a port bound and closed again): guacamole-lite sends SERVICE_UNAVAILABLE.
// GUACD=stub   a guacd stand-in on 127.0.0.1 port 0 that answers the handshake (args, ready) and then sends
//              what an idle guacd sends: a `sync` about every GUACD_SYNC_MS (1000) ms. Not guacd: it lets the real
//              tunnel hold a session open (SIGTERM, liveness behind a tunnel that does not echo pings).
// CRYPT_KEY    the 32-byte AES-256-CBC key (test-generated).
import net from 'node:net';
import GuacamoleLite from 'guacamole-lite';

const mode = process.env.GUACD ?? 'none';
const syncEveryMs = Number(process.env.GUACD_SYNC_MS ?? 1000);

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

/** Reads Guacamole instructions from a TCP stream (enough for the handshake opcodes). */
function onInstructions(socket, handle) {
  let buffer = '';
  socket.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    for (;;) {
      const end = buffer.indexOf(';');
      if (end === -1) return;
      const instruction = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      const elements = [];
      let rest = instruction;
      while (rest.length > 0) {
        const dot = rest.indexOf('.');
        const length = Number(rest.slice(0, dot));
        elements.push(rest.slice(dot + 1, dot + 1 + length));
        rest = rest.slice(dot + 2 + length);
      }
      handle(elements[0], elements.slice(1));
    }
  });
}

const encode = (...elements) => `${elements.map((e) => `${[...String(e)].length}.${e}`).join(',')};`;

async function guacdPort() {
  const server = net.createServer();
  const port = await listen(server);
  if (mode === 'none') {
    await new Promise((resolve) => server.close(resolve));
    return port;
  }
  let connections = 0;
  server.on('connection', (socket) => {
    const id = `$${String(++connections).padStart(8, '0')}-0000-4000-8000-000000000000`;
    let timer = null;
    socket.on('error', () => {});
    socket.on('close', () => clearInterval(timer));
    onInstructions(socket, (opcode) => {
      if (opcode === 'select') socket.write(encode('args', 'VERSION_1_5_0', 'hostname', 'port', 'password'));
      if (opcode === 'connect') {
        socket.write(encode('ready', id) + encode('size', 0, 1024, 768) + encode('sync', Date.now(), 0));
        timer = setInterval(() => socket.write(encode('sync', Date.now(), 0)), syncEveryMs);
      }
    });
  });
  return port;
}

const port = await guacdPort();
const lite = new GuacamoleLite(
  { host: '127.0.0.1', port: 0 },
  { host: '127.0.0.1', port },
  {
    crypt: { cypher: 'AES-256-CBC', key: process.env.CRYPT_KEY },
    log: { level: 'ERRORS', stdLog: () => {}, errorLog: () => {} },
    maxInactivityTime: 0,
  },
);
lite.webSocketServer.on('listening', () => {
  process.stdout.write(`${JSON.stringify({ port: lite.webSocketServer.address().port, guacdPort: port })}\n`);
});
