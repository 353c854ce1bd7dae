import type { Request } from 'express';
import { CapAlert } from '../cap/cap-alert';
import { MAX_CAP_DOCUMENT_BYTES } from '../cap/cap-xml';
import { InvalidCapAlert } from '../cap/invalid-cap-alert';
import { readCapJson, readCapXml } from '../cap/read-cap-alert';

export interface CapSubmission {
  alert: CapAlert;
  /** The document as it came, kept with the alert. */
  original: { xml: string } | { json: unknown };
}

/**
 * The CAP document of a POST, read and validated. Express has parsed the body already when it came as XML
 * (application/cap+xml, application/xml, text/xml: as text) or as JSON; any other or no content type (text/plain,
 * curl's default form type) is read here as XML, with the same size limit, as the WeCom callbacks do.
 */
export async function capSubmissionOf(request: Request): Promise<CapSubmission> {
  if (typeof request.body === 'string') return fromXml(request.body);
  if (request.is('json')) return { alert: readCapJson(request.body), original: { json: request.body } };
  if (request.body !== undefined || request.readableEnded) {
    throw new InvalidCapAlert([
      {
        path: '',
        message: '请以 application/cap+xml、application/xml 提交 CAP 文档，或以 application/json 提交其 JSON 形式',
      },
    ]);
  }
  return fromXml(await bodyText(request));
}

function fromXml(xml: string): CapSubmission {
  return { alert: readCapXml(xml), original: { xml } };
}

async function bodyText(request: Request): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_CAP_DOCUMENT_BYTES) {
      throw new InvalidCapAlert([{ path: '', message: `CAP 文档过大，上限为 ${MAX_CAP_DOCUMENT_BYTES / 1024} KB` }]);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}
