import { createServer } from 'node:http';
import { decrypt, getSignature } from '@wecom/crypto';
import { Kafka, logLevel } from 'kafkajs';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';

/**
 * The bare baseline of bench/wecom-callback: a plain node:http server doing the least a callback must do (check
 * msg_signature, decrypt with the vendor's library, hand the plaintext to Kafka with the apps' micro-batching
 * producer, answer 200), with no framework, no database and no checks beyond the signature.
 *   node dist/bench/wecom-callback-baseline.js <port> <brokers> <topic> <token> <encodingAesKey>
 */
async function main() {
  const [port, brokers, topic, token, encodingAesKey] = process.argv.slice(2);
  const kafka = new Kafka({ clientId: 'bench-baseline', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const producer = new EnvelopeProducer(kafka);
  await producer.connect();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
      const encrypted = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(Buffer.concat(chunks).toString())?.[1] ?? '';
      const signature = getSignature(token, query.get('timestamp') ?? '', query.get('nonce') ?? '', encrypted);
      if (signature !== query.get('msg_signature')) {
        response.writeHead(400).end();
        return;
      }
      const { message } = decrypt(encodingAesKey, encrypted);
      producer.sendRaw(topic, { key: query.get('nonce'), value: message }).then(
        () => response.writeHead(200).end(),
        () => response.writeHead(503).end(),
      );
    });
  });
  server.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
  process.on('SIGTERM', () => {
    server.close();
    void producer.disconnect().then(() => process.exit(0));
  });
}

void main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
