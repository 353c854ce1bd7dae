import { Injectable } from '@nestjs/common';
import { Lang } from '@libs/common/contracts/common-fields';
import { AlertDeliveries } from './alert-deliveries';
import { alertCardValues, alertText, MessageKind } from './alert-text';
import { CardFields } from './wxa-card-fields';

const KEEP = 200;

/**
 * The rendered text of an alert per language, elder mode and link, read once per process: an alert's content never
 * changes (an Update is an alert of its own), so thousands of send jobs of one alert share one lookup.
 */
@Injectable()
export class AlertTexts {
  private readonly cache = new Map<string, string>();
  private readonly cards = new Map<string, Record<string, string>>();

  constructor(private readonly deliveries: AlertDeliveries) {}

  async textFor(
    alertId: string,
    options: { lang: Lang; elderMode: boolean; withLink: boolean; maxChars: number },
  ): Promise<string> {
    const key = `${alertId}|${options.lang}|${options.elderMode}|${options.withLink}|${options.maxChars}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const { msgType, infos } = await this.deliveries.infosForText(alertId);
    const kind: MessageKind = msgType === 'Cancel' ? 'cancellation' : 'alert';
    const text = alertText({ kind, infos, ...options });
    if (this.cache.size >= KEEP) this.cache.delete(this.cache.keys().next().value ?? key);
    this.cache.set(key, text);
    return text;
  }

  /** The values of the alert's subscribe-message card in a language, by template key (alertCardValues). */
  async cardFor(alertId: string, lang: Lang, fields: CardFields): Promise<Record<string, string>> {
    const key = `${alertId}|${lang}|card`;
    const cached = this.cards.get(key);
    if (cached !== undefined) return cached;
    const [{ msgType, infos }, sent] = await Promise.all([
      this.deliveries.infosForText(alertId),
      this.deliveries.sentAt(alertId),
    ]);
    const kind: MessageKind = msgType === 'Cancel' ? 'cancellation' : 'alert';
    const values = alertCardValues({ kind, lang, infos, sent, fields });
    if (this.cards.size >= KEEP) this.cards.delete(this.cards.keys().next().value ?? key);
    this.cards.set(key, values);
    return values;
  }
}
