import { signTc3 } from './tencent-cloud-signature';

// The worked example of the TencentCloud API 3.0 signature documentation (签名方法 v3): CVM DescribeInstances, with
// the documentation's (masked) key pair, at 1551113065 (2019-02-25). The payload keeps the \u escapes as written there.
const documented = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
  service: 'cvm',
  host: 'cvm.tencentcloudapi.com',
  contentType: 'application/json; charset=utf-8',
  payload: String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`,
  timestamp: 1551113065,
};

describe('TC3-HMAC-SHA256 signature', () => {
  it('builds the documented canonical request', () => {
    expect(signTc3(documented).canonicalRequest).toBe(
      [
        'POST',
        '/',
        '',
        'content-type:application/json; charset=utf-8',
        'host:cvm.tencentcloudapi.com',
        '',
        'content-type;host',
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
      ].join('\n'),
    );
  });

  it('builds the documented string to sign', () => {
    expect(signTc3(documented).stringToSign).toBe(
      [
        'TC3-HMAC-SHA256',
        '1551113065',
        '2019-02-25/cvm/tc3_request',
        '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
      ].join('\n'),
    );
  });

  it('reproduces the documented Authorization header', () => {
    expect(signTc3(documented).authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, ' +
        'Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
    );
  });

  it('changes with any byte of the payload, the host or the key', () => {
    const signature = signTc3(documented).signature;
    expect(signTc3({ ...documented, payload: documented.payload.replace('1', '2') }).signature).not.toBe(signature);
    expect(signTc3({ ...documented, host: 'sms.tencentcloudapi.com' }).signature).not.toBe(signature);
    expect(signTc3({ ...documented, secretKey: `${documented.secretKey}x` }).signature).not.toBe(signature);
  });

  it('dates the credential by the UTC day of the timestamp', () => {
    // 2019-02-25T23:59:59Z and one second later, which is already the 26th in UTC (and in Beijing since 08:00).
    expect(signTc3({ ...documented, timestamp: 1551139199 }).authorization).toContain('/2019-02-25/cvm/');
    expect(signTc3({ ...documented, timestamp: 1551139200 }).authorization).toContain('/2019-02-26/cvm/');
  });
});
