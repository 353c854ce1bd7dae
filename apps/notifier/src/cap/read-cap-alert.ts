import { CapAlert, CapDocument } from './cap-alert';
import { capXmlToDocument, MAX_CAP_DOCUMENT_BYTES } from './cap-xml';
import { InvalidCapAlert, issuePath } from './invalid-cap-alert';

/** A CAP 1.2 alert from its XML; throws InvalidCapAlert listing every problem. */
export function readCapXml(xml: string): CapAlert {
  return validated(capXmlToDocument(xml));
}

/** A CAP 1.2 alert from its JSON form (see cap-alert.ts), as the HTTP layer parsed it. */
export function readCapJson(body: unknown): CapAlert {
  const bytes = Buffer.byteLength(JSON.stringify(body ?? null), 'utf8');
  if (bytes > MAX_CAP_DOCUMENT_BYTES) {
    throw new InvalidCapAlert([
      {
        path: '',
        message: `CAP 文档过大（${Math.ceil(bytes / 1024)} KB），上限为 ${MAX_CAP_DOCUMENT_BYTES / 1024} KB`,
      },
    ]);
  }
  return validated(body);
}

function validated(document: unknown): CapAlert {
  const result = CapDocument.safeParse(document);
  if (result.success) return result.data;
  throw new InvalidCapAlert(
    result.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message })),
  );
}
