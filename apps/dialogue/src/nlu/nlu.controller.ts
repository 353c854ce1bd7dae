import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { z } from 'zod';
import { Lang, MAX_CITIZEN_TEXT } from '@libs/common/contracts/common-fields';
import { ZodPipe } from '@libs/common/http/zod-validation.pipe';
import { chinaDate } from '@libs/common/time/china-time';
import { Clock } from '@libs/common/time/clock';
import { MessageReader } from './message-reader';

const ParseBody = z.object({
  text: z
    .string({ error: '必须是文字' })
    .trim()
    .min(1, '不能为空')
    .refine((text) => [...text].length <= MAX_CITIZEN_TEXT, `不能超过 ${MAX_CITIZEN_TEXT} 个字`),
  lang: Lang.optional(),
});

/**
 * What the assistant reads in a message, for other systems and for checking the NLU:
 * POST /api/v1/nlu/parse { text, lang? } → { intent, confidence, category, categoryConfidence, slots, tokens }.
 */
@Controller('api/v1/nlu')
export class NluController {
  constructor(
    private readonly reader: MessageReader,
    private readonly clock: Clock,
  ) {}

  @Post('parse')
  @HttpCode(200)
  parse(@Body(new ZodPipe(ParseBody)) body: z.infer<typeof ParseBody>) {
    const reading = this.reader.read(body.text, chinaDate(this.clock.now()));
    return {
      intent: reading.intent,
      confidence: reading.confidence,
      category: reading.category ?? null,
      categoryConfidence: reading.categoryConfidence,
      slots: reading.slots,
      tokens: reading.tokens,
    };
  }
}
