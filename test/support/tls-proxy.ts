/**
 * TLS in front of a plain-http test server, for clients that refuse plain http (Azure's SDK will
 * not send a bearer token to an http:// URL). The certificate is made by `openssl` for this test
 * run (127.0.0.1 and localhost, valid one day), kept in memory and never written into the repo;
 * the proxy terminates TLS and pipes the bytes to the server, so what the server records is what
 * the client sent. Proxies are closed after the current test.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServer, type Server } from "node:tls";
import { afterEach } from "vitest";

export interface TestCertificate {
  /** PEM; also the CA a client must trust, since it signs itself. */
  cert: string;
  key: string;
}

export interface TlsProxy {
  /** The server's URL with `https:` and the proxy's port (same path). */
  url: string;
  close(): Promise<void>;
}

/** Whether `openssl` runs on this machine. */
export const haveOpenssl = spawnSync("openssl", ["version"]).status === 0;

/** A self-signed certificate for 127.0.0.1 and localhost, made by openssl in a temporary folder. */
export function makeCertificate(): TestCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), "threadrun-cert-"));
  try {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    const made = spawnSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=threadrun test server",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-keyout",
        key,
        "-out",
        cert,
      ],
      { encoding: "utf8" },
    );
    if (made.status !== 0) throw new Error(`openssl req -x509 failed: ${made.stderr}`);
    return { cert: readFileSync(cert, "utf8"), key: readFileSync(key, "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const proxies: Server[] = [];
const sockets = new Set<Socket>();

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(
    proxies.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

/** Starts a TLS proxy on 127.0.0.1 in front of the http server at `target`. */
export async function tlsProxy(target: string, certificate: TestCertificate): Promise<TlsProxy> {
  const upstream = new URL(target);
  const server = createServer({ cert: certificate.cert, key: certificate.key }, (client) => {
    const backend = connect(Number(upstream.port), upstream.hostname);
    for (const socket of [client, backend]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      // A reset on one side closes the other; the error itself is the client's to see.
      socket.on("error", () => {
        client.destroy();
        backend.destroy();
      });
    }
    client.pipe(backend).pipe(client);
  });
  // A client that gives up during the handshake (an untrusted certificate) is not an error here.
  server.on("tlsClientError", () => {});
  proxies.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(target);
  url.protocol = "https:";
  url.port = String(port);
  return {
    url: url.href.replace(/\/$/, ""),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
