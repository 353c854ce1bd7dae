/**
 * 预警级别: the colour a Chinese warning carries (蓝 < 黄 < 橙 < 红), kept apart from CAP <severity>, which says
 * something else (a red rainstorm signal and an orange typhoon signal can both be "Severe"). CAP has no element for
 * it, so publishers put it in an <info><parameter>. We read it only from these parameters, never from the headline or
 * the severity: when none is there the colour is unknown (null).
 *
 * Parameter names (valueName), case and spaces ignored: 预警级别, 预警颜色, 预警等级, COLOR, COLOUR, WARNING_COLOR.
 * Values: 蓝色 黄色 橙色 红色 (or 蓝 黄 橙 红, 蓝色预警…), blue yellow orange red (any case), or the four levels of the
 * 突发事件应对法, which names them by colour: 一级/Ⅰ级/I级 红色 (highest), 二级 橙色, 三级 黄色, 四级/Ⅳ级/IV级 蓝色.
 */
export const WarningColour = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningColour = (typeof WarningColour)[number];

export const WARNING_COLOUR_LABEL: Record<WarningColour, string> = {
  blue: '蓝色',
  yellow: '黄色',
  orange: '橙色',
  red: '红色',
};

const COLOUR_PARAMETER_NAMES = new Set(['预警级别', '预警颜色', '预警等级', 'color', 'colour', 'warning_color']);

const COLOUR_VALUES: Record<string, WarningColour> = {
  蓝: 'blue',
  黄: 'yellow',
  橙: 'orange',
  红: 'red',
  blue: 'blue',
  yellow: 'yellow',
  orange: 'orange',
  red: 'red',
  四级: 'blue',
  三级: 'yellow',
  二级: 'orange',
  一级: 'red',
  ⅳ级: 'blue',
  ⅲ级: 'yellow',
  ⅱ级: 'orange',
  ⅰ级: 'red',
  iv级: 'blue',
  iii级: 'yellow',
  ii级: 'orange',
  i级: 'red',
};

export interface NamedValue {
  valueName: string;
  value: string;
}

export type ColourReading = { colour: WarningColour | null } | { problem: string };

export const isColourParameter = (valueName: string) =>
  COLOUR_PARAMETER_NAMES.has(valueName.replace(/\s+/g, '').toLowerCase());

/** The colour named by an info's parameters; null when none names one. A named but unreadable colour is a problem. */
export function readWarningColour(parameters: NamedValue[]): ColourReading {
  const colours = new Set<WarningColour>();
  for (const { valueName, value } of parameters) {
    if (!isColourParameter(valueName)) continue;
    const colour = colourOf(value);
    if (!colour) {
      return {
        problem: `预警级别参数 ${valueName} 的值「${value.slice(0, 20)}」无法识别，应为 蓝色、黄色、橙色、红色（或 blue、yellow、orange、red，或 四级至一级）`,
      };
    }
    colours.add(colour);
  }
  if (colours.size > 1)
    return { problem: `预警级别参数互相矛盾：${[...colours].map((c) => WARNING_COLOUR_LABEL[c]).join('、')}` };
  return { colour: [...colours][0] ?? null };
}

function colourOf(value: string): WarningColour | undefined {
  const normalised = value.replace(/\s+/g, '').toLowerCase();
  const bare = normalised.replace(/(色预警|预警|色)$/u, '');
  return COLOUR_VALUES[normalised] ?? COLOUR_VALUES[bare];
}
