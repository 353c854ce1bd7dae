import { HttpException } from '@nestjs/common';
import { DomainError, HTTP_STATUS_OF_KIND } from '@libs/common/errors/domain-error';
import { Open311Document } from './open311-document';

/** Bad input: every problem found, each its own error in the answer (the spec's answer is a list). */
export class InvalidOpen311Input extends DomainError {
  constructor(readonly problems: string[]) {
    super('invalid', problems.join('；'));
  }
}

export class InvalidApiKey extends DomainError {
  constructor() {
    super('forbidden', 'api_key 缺失或无效，无法提交诉求；请使用本平台分配的 api_key');
  }
}

export class UnknownFormat extends DomainError {
  constructor() {
    super('not_found', '不支持该格式，请在地址末尾使用 .json 或 .xml');
  }
}

export class UnknownResource extends DomainError {
  constructor() {
    super('not_found', '没有这个 Open311 资源；可用的有 services、services/{service_code}、requests、requests/{id}');
  }
}

export class ServiceRequestNotFound extends DomainError {
  constructor(id: string) {
    super('not_found', `没有编号为「${id.slice(0, 40)}」的诉求`);
  }
}

const SERVER_FAULT = '服务暂时出现问题，请稍后再试；如持续出现，请联系平台管理员';

/**
 * The spec's error answer: the HTTP status (404 unknown, 403 api_key, 400 bad input) and a list of { code,
 * description }, the code being the status. A fault of ours stays a 500 — a client should retry it, not fix its
 * request — and its description says nothing about the cause.
 */
export function errorAnswer(error: unknown): { status: number; document: Open311Document } {
  const answer = (status: number, descriptions: string[]) => ({
    status,
    document: { root: 'errors', body: descriptions.map((description) => ({ code: status, description })) },
  });
  if (error instanceof InvalidOpen311Input) return answer(400, error.problems);
  if (error instanceof DomainError) return answer(HTTP_STATUS_OF_KIND[error.kind], [error.message]);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return answer(status, [status === 404 ? '请求的资源不存在' : status >= 500 ? SERVER_FAULT : '请求无效']);
  }
  return answer(500, [SERVER_FAULT]);
}
