import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { z } from 'zod';
import { StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { SubscriberRegionCode } from './plausible-region-code';
import { SubscriberAddress, SubscriberRegistration, SubscriberSettings } from './subscriber-registration';
import { Subscribers } from './subscribers';

const ListQuery = z.object({
  regionCode: SubscriberRegionCode.optional(),
  limit: z.coerce.number().int().min(1, '每页 1–200 条').max(200, '每页 1–200 条').default(50),
  offset: z.coerce.number().int().min(0, 'offset 不能为负').max(1_000_000).default(0),
});
const SubscriberId = z.uuid('订阅编号格式不正确');

/**
 * Alert subscriptions, for administrators (role admin): register, look up, change, list by region, remove. Channel
 * services registering a citizen use channel-subscribers.controller.ts with a channel key instead. Registering the
 * same channel and address again updates it; addresses only ever leave masked.
 */
@Controller('api/v1/subscribers')
@StaffOnly('admin')
export class SubscribersController {
  constructor(private readonly subscribers: Subscribers) {}

  @Post()
  @HttpCode(200)
  async register(@Body(new ZodPipe(SubscriberRegistration)) registration: SubscriberRegistration) {
    const { subscriber, isNew } = await this.subscribers.register(registration);
    return { subscriber, created: isNew };
  }

  @Get()
  async list(@Query(new ZodPipe(ListQuery)) query: z.infer<typeof ListQuery>) {
    return { subscribers: await this.subscribers.list(query), limit: query.limit, offset: query.offset };
  }

  /** By address rather than id, as a citizen on the phone names their subscription; POST keeps it out of URLs. */
  @Post('lookup')
  @HttpCode(200)
  async lookup(@Body(new ZodPipe(SubscriberAddress)) target: SubscriberAddress) {
    return { subscriber: await this.subscribers.getByAddress(target) };
  }

  @Post('unsubscribe')
  @HttpCode(200)
  async unsubscribe(@Body(new ZodPipe(SubscriberAddress)) target: SubscriberAddress) {
    return { unsubscribed: await this.subscribers.removeByAddress(target) };
  }

  @Get(':id')
  async get(@Param('id', new ZodPipe(SubscriberId)) id: string) {
    return { subscriber: await this.subscribers.get(id) };
  }

  @Put(':id')
  async update(
    @Param('id', new ZodPipe(SubscriberId)) id: string,
    @Body(new ZodPipe(SubscriberSettings)) settings: SubscriberSettings,
  ) {
    return { subscriber: await this.subscribers.update(id, settings) };
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', new ZodPipe(SubscriberId)) id: string) {
    await this.subscribers.remove(id);
  }
}
