import { NotFoundException } from '@nestjs/common';
import { render } from './open311-document';
import {
  errorAnswer,
  InvalidApiKey,
  InvalidOpen311Input,
  ServiceRequestNotFound,
  UnknownFormat,
} from './open311-errors';
import { UnknownService } from './open311-services';

describe('Open311 errors', () => {
  it("answer a bad api_key 403, in the shape of the spec's example", () => {
    const { status, document } = errorAnswer(new InvalidApiKey());
    expect(status).toBe(403);
    expect(JSON.parse(render(document, 'json'))).toEqual([
      { code: 403, description: 'api_key 缺失或无效，无法提交诉求；请使用本平台分配的 api_key' },
    ]);
    expect(render(document, 'xml')).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>403</code>' +
        '<description>api_key 缺失或无效，无法提交诉求；请使用本平台分配的 api_key</description></error></errors>',
    );
  });

  it('answer bad input 400, one error per problem', () => {
    const { status, document } = errorAnswer(new InvalidOpen311Input(['lat 和 long 需同时提供', 'email 格式不正确']));
    expect(status).toBe(400);
    expect(document.body).toEqual([
      { code: 400, description: 'lat 和 long 需同时提供' },
      { code: 400, description: 'email 格式不正确' },
    ]);
  });

  it('answer what does not exist 404: a service, a request, a format', () => {
    expect(errorAnswer(new UnknownService('001')).status).toBe(404);
    expect(errorAnswer(new ServiceRequestNotFound('GD20261126999999')).document.body).toEqual([
      { code: 404, description: '没有编号为「GD20261126999999」的诉求' },
    ]);
    expect(errorAnswer(new UnknownFormat()).status).toBe(404);
    expect(errorAnswer(new NotFoundException()).status).toBe(404);
  });

  it('answer a fault of ours 500, saying nothing of its cause', () => {
    const { status, document } = errorAnswer(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=…'));
    expect(status).toBe(500);
    expect(JSON.stringify(document.body)).not.toContain('ECONNREFUSED');
    expect(document.body).toEqual([
      { code: 500, description: '服务暂时出现问题，请稍后再试；如持续出现，请联系平台管理员' },
    ]);
  });
});
