/** How personal data is shown to anyone not entitled to the clear value: enough to recognise, not to use. */

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** 110101199003071234 → 110101********1234 */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** 张三丰 → 张** ; 欧阳娜娜 → 欧*** ; a single character stays hidden. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** 6222021234567890123 → ****0123 */
export function maskBankCard(card: string): string {
  const digits = card.replace(/\D/g, '');
  return `****${digits.slice(-4)}`;
}

/** 广东省广州市天河区体育西路 101 号 → 广东省广州市天河区**** : keeps the administrative part only. */
export function maskAddress(address: string): string {
  const match = address.match(/^(.*?(?:省|自治区|市))?(.*?(?:市|自治州|盟))?(.*?(?:区|县|旗))?/u);
  const kept = match?.[0] ?? '';
  return `${kept}****`;
}
