import { TemplateFields, templateFieldList } from '@libs/common/vendors/wxa/template-field-list';
import { CARD_SOURCES, CardSource } from './alert-text';

/** The fields of the usual 预警通知 template: 预警标题 thing1, 发布时间 time2, 防御指引 thing3. */
export const DEFAULT_CARD_FIELDS = 'thing1:headline,time2:sent,thing3:instruction';

export type CardFields = TemplateFields<CardSource>;

/**
 * ALERT_WXA_TEMPLATE_FIELDS: which key of the alert template (WXA_ALERT_TEMPLATE_ID) shows what of the alert:
 * headline, event, instruction, sender or sent.
 */
export const CardFieldList = templateFieldList(CARD_SOURCES, DEFAULT_CARD_FIELDS);
