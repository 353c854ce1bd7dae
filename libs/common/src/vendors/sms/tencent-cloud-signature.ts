import { createHash, createHmac } from 'node:crypto';

/**
 * TencentCloud API 3.0 signature (TC3-HMAC-SHA256) of a POST with a JSON body, signing content-type and host as the
 * official SDKs do. The SDK derives the service name from the endpoint's first label, so it cannot be pointed at a
 * local endpoint: this is the documented algorithm, checked against the documentation's worked example.
 */
export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** The product: `sms`. */
  service: string;
  /** The Host header as sent (with the port when it is not the default). */
  host: string;
  contentType: string;
  payload: string;
  /** Seconds since the epoch; the credential date is its UTC day. */
  timestamp: number;
}

export interface Tc3Signature {
  authorization: string;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

const ALGORITHM = 'TC3-HMAC-SHA256';
const SIGNED_HEADERS = 'content-type;host';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

export function signTc3(request: Tc3Request): Tc3Signature {
  const date = new Date(request.timestamp * 1000).toISOString().slice(0, 10);
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:${request.contentType.toLowerCase()}\nhost:${request.host.toLowerCase()}\n`,
    SIGNED_HEADERS,
    sha256Hex(request.payload),
  ].join('\n');
  const credentialScope = `${date}/${request.service}/tc3_request`;
  const stringToSign = [ALGORITHM, String(request.timestamp), credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${request.secretKey}`, date), request.service), 'tc3_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  return {
    authorization: `${ALGORITHM} Credential=${request.secretId}/${credentialScope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`,
    canonicalRequest,
    stringToSign,
    signature,
  };
}
