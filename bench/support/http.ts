import { Agent, request } from 'node:http';

/** One HTTP call to an app on this machine; the body is parsed as JSON when it is JSON. */
export function callJson(
  agent: Agent,
  port: number,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const outgoing = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const isJson = (response.headers['content-type'] ?? '').includes('json');
          resolve({ status: response.statusCode ?? 0, body: isJson && text ? JSON.parse(text) : {} });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

export function postJson(agent: Agent, port: number, path: string, body: unknown) {
  return callJson(agent, port, 'POST', path, body);
}
