import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { StaffOnly } from '@libs/common/auth/staff-only.decorator';
import { Channel } from '@libs/common/contracts/common-fields';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { EnvelopeProducer } from '@libs/common/kafka/envelope-producer';
import { traceContext } from '@libs/common/logging/trace-context';
import { SurveyFlow } from './survey-flow';

const SurveyId = z.string().regex(/^[a-z0-9-]{3,64}$/, '问卷编号只能包含小写字母、数字和连字符');
const DeliveryBody = z.object({
  conversations: z
    .array(z.object({ conversationId: z.uuid(), channel: Channel }))
    .min(1)
    .max(1000),
});

/** Pushing a survey into conversations (role admin). Channel rules (how long after the citizen's last message a
 * service account may still write) are the channel adapters' to enforce. */
@Controller('api/v1/surveys')
@StaffOnly('admin')
export class SurveysController {
  constructor(
    private readonly surveys: SurveyFlow,
    private readonly producer: EnvelopeProducer,
  ) {}

  @Post(':id/deliveries')
  @HttpCode(202)
  async deliver(
    @Param('id', new ZodPipe(SurveyId)) id: string,
    @Body(new ZodPipe(DeliveryBody)) body: z.infer<typeof DeliveryBody>,
  ) {
    const traceId = traceContext.traceId();
    const outgoing = (
      await Promise.all(body.conversations.map((target) => this.surveys.push(id, target, traceId)))
    ).flat();
    await this.producer.send(outgoing);
    return { surveyId: id, conversations: body.conversations.length };
  }
}
