import { All, Body, Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { Clock } from '@libs/common/time/clock';
import { Open311ApiKeys } from './open311-api-keys';
import { CONTENT_TYPE, formatNamed, Open311Document, Open311Format, render } from './open311-document';
import { Open311ErrorFilter } from './open311-error.filter';
import { ServiceRequestNotFound, UnknownFormat, UnknownResource } from './open311-errors';
import { requestQuery } from './open311-request-query';
import { receiptDocument, requestsDocument } from './open311-request-view';
import { Open311Requests } from './open311-requests';
import { serviceDefinition, serviceList } from './open311-services';
import { parseSubmission } from './open311-submission';
import { SubmitOpen311Request } from './submit-open311-request.use-case';

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): our categories as services, requests in and out, XML or
 * JSON by the resource's extension, errors in the spec's own format. Reading is public and shows no personal data;
 * POST needs an api_key from OPEN311_API_KEYS. One jurisdiction per deployment, so jurisdiction_id is ignored.
 */
@Controller('open311/v2')
@UseFilters(Open311ErrorFilter)
export class Open311Controller {
  constructor(
    private readonly submitRequest: SubmitOpen311Request,
    private readonly requests: Open311Requests,
    private readonly apiKeys: Open311ApiKeys,
    private readonly clock: Clock,
  ) {}

  @Get('services.:format')
  services(@Param('format') format: string, @Res() response: Response): void {
    send(response, formatOf(format), serviceList());
  }

  @Get('services/:code.:format')
  service(@Param('code') code: string, @Param('format') format: string, @Res() response: Response): void {
    send(response, formatOf(format), serviceDefinition(code));
  }

  /** The spec's body is form-encoded; JSON is read too. The api_key may also come in the query string. */
  @Post('requests.:format')
  async create(
    @Param('format') format: string,
    @Body() body: unknown,
    @Query('api_key') queryKey: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const answerFormat = formatOf(format);
    const client = this.apiKeys.clientOf(apiKeyIn(body) ?? queryKey);
    const receipt = await this.submitRequest.execute(parseSubmission(body ?? {}), client);
    send(response, answerFormat, receiptDocument(receipt));
  }

  @Get('requests.:format')
  async list(@Param('format') format: string, @Query() query: unknown, @Res() response: Response): Promise<void> {
    const answerFormat = formatOf(format);
    const found = await this.requests.find(requestQuery(query, this.clock.now()));
    send(response, answerFormat, requestsDocument(found));
  }

  @Get('requests/:id.:format')
  async one(@Param('id') id: string, @Param('format') format: string, @Res() response: Response): Promise<void> {
    const answerFormat = formatOf(format);
    const ticket = await this.requests.byTicketNo(id);
    if (!ticket) throw new ServiceRequestNotFound(id);
    send(response, answerFormat, requestsDocument([ticket]));
  }

  /** Anything else under /open311/v2 (tokens: every service is realtime) is a 404 in the spec's format too. */
  @All('*path')
  unknown(): never {
    throw new UnknownResource();
  }
}

function formatOf(extension: string): Open311Format {
  const format = formatNamed(extension);
  if (!format) throw new UnknownFormat();
  return format;
}

function apiKeyIn(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'api_key' in body ? body.api_key : undefined;
}

function send(response: Response, format: Open311Format, document: Open311Document): void {
  response.status(200).type(CONTENT_TYPE[format]).send(render(document, format));
}
