import {
  aliyunReceipts,
  AliyunReceiptBody,
  aliyunUplinks,
  AliyunUplinkBody,
  bareSign,
  tencentReceipts,
  TencentReceiptBody,
  tencentUplinks,
  TencentUplinkBody,
} from './sms-callback-bodies';

describe('Tencent Cloud SMS callbacks', () => {
  // The shape of the 回复短信 callback in Tencent's documentation, with a real-looking number.
  const reply = {
    extend: '',
    mobile: '13800138000',
    nationcode: '86',
    sign: '天河政务',
    text: '  我要投诉  ',
    time: 1457336869,
  };

  it('reads a reply as an uplink in E.164', () => {
    expect(tencentUplinks(TencentUplinkBody.parse(reply))).toEqual({
      items: [
        { vendor: 'tencent', address: '+8613800138000', sign: '天河政务', text: '我要投诉', sentAt: '1457336869' },
      ],
      skipped: 0,
    });
  });

  it('takes an array of replies too, and skips entries without a usable number or text', () => {
    const parsed = tencentUplinks(
      TencentUplinkBody.parse([reply, { ...reply, mobile: '138****8000' }, { ...reply, text: '   ' }]),
    );
    expect(parsed.items).toHaveLength(1);
    expect(parsed.skipped).toBe(2);
  });

  it('keeps the extension code as the sub-port', () => {
    expect(tencentUplinks(TencentUplinkBody.parse({ ...reply, extend: '01' })).items[0].subPort).toBe('01');
  });

  it('refuses a body that is not a reply', () => {
    expect(TencentUplinkBody.safeParse({ mobile: '13800138000' }).success).toBe(false);
    expect(TencentUplinkBody.safeParse([]).success).toBe(false);
  });

  it('reads the delivery report array', () => {
    const body = [
      {
        user_receive_time: '2015-10-17 08:03:04',
        nationcode: '86',
        mobile: '13800138000',
        report_status: 'SUCCESS',
        errmsg: 'DELIVRD',
        description: '用户短信送达成功',
        sid: '2028:f825e6b16e23f73f4123',
      },
      { ...{ nationcode: '86', mobile: '13800138001' }, report_status: 'FAIL', errmsg: 'MK:0001', sid: 'x2' },
    ];
    expect(tencentReceipts(TencentReceiptBody.parse(body)).items).toEqual([
      {
        vendor: 'tencent',
        vendorMessageId: '2028:f825e6b16e23f73f4123',
        isDelivered: true,
        code: 'DELIVRD',
        address: '+8613800138000',
        reportedAt: '2015-10-17 08:03:04',
      },
      { vendor: 'tencent', vendorMessageId: 'x2', isDelivered: false, code: 'MK:0001', address: '+8613800138001' },
    ]);
  });
});

describe('Aliyun SMS callbacks (HTTP batch push)', () => {
  const smsUp = {
    phone_number: '13800138000',
    send_time: '2017-09-01 00:00:00',
    content: '查询工单',
    sign_name: '【天河政务】',
    dest_code: '1234',
    sequence_id: 1234567890,
  };

  it('reads SmsUp, with the sequence id and time as the vendor id', () => {
    expect(aliyunUplinks(AliyunUplinkBody.parse([smsUp])).items).toEqual([
      {
        vendor: 'aliyun',
        address: '+8613800138000',
        sign: '天河政务',
        text: '查询工单',
        vendorId: '1234567890@2017-09-01 00:00:00',
        sentAt: '2017-09-01 00:00:00',
        subPort: '1234',
      },
    ]);
  });

  it('reads the newer SmsUp without a sign and with a string sequence id', () => {
    const { sign_name: _sign, ...withoutSign } = smsUp;
    const [uplink] = aliyunUplinks(AliyunUplinkBody.parse([{ ...withoutSign, sequence_id: '1234567890' }])).items;
    expect(uplink.sign).toBeUndefined();
    expect(uplink.vendorId).toBe('1234567890@2017-09-01 00:00:00');
  });

  it('reads SmsReport', () => {
    const report = {
      phone_number: '13800138000',
      send_time: '2017-01-01 11:12:13',
      report_time: '2017-02-02 22:23:24',
      success: false,
      err_code: 'MK:0001',
      err_msg: '用户接收失败',
      sms_size: '1',
      biz_id: '932702304080415357^0',
      out_id: '1184585343',
    };
    expect(
      aliyunReceipts(AliyunReceiptBody.parse([report, { ...report, success: true, err_code: 'DELIVERED' }])).items,
    ).toEqual([
      {
        vendor: 'aliyun',
        vendorMessageId: '932702304080415357^0',
        isDelivered: false,
        code: 'MK:0001',
        address: '+8613800138000',
        reportedAt: '2017-02-02 22:23:24',
      },
      {
        vendor: 'aliyun',
        vendorMessageId: '932702304080415357^0',
        isDelivered: true,
        code: 'DELIVERED',
        address: '+8613800138000',
        reportedAt: '2017-02-02 22:23:24',
      },
    ]);
  });

  it('reads a SmsReport without a number or a report time (the receipt still counts for its BizId)', () => {
    const [receipt] = aliyunReceipts(AliyunReceiptBody.parse([{ biz_id: '1^0', success: 'true' }])).items;
    expect(receipt).toEqual({ vendor: 'aliyun', vendorMessageId: '1^0', isDelivered: true, code: 'DELIVERED' });
  });
});

describe('sign names', () => {
  it('drops the brackets and keeps nothing for an empty sign', () => {
    expect(bareSign('【天河政务】')).toBe('天河政务');
    expect(bareSign(' ')).toBeUndefined();
    expect(bareSign(null)).toBeUndefined();
  });
});
