/**
 * Function words the category model ignores. Its training messages reached us with stop words already removed, so
 * a citizen's own wording ("我们小区的路灯坏了很久了") is brought to the same telegraphic form before it is scored.
 * The intent model keeps them: 请问, 谢谢 and 吗 are what tell a question from a thank-you.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 地 得 了 着 过 吗 呢 吧 啊 呀 哦 嘛 哈 啦 么 哟 呗 之 其 与 及 和 跟 同 或 而 且 并 但 却 则 即 也 都 还 又 就 才 ' +
    '是 在 有 被 把 给 让 对 从 向 到 于 以 为 由 将 比 按 据 这 那 这个 那个 这些 那些 这样 那样 这里 那里 此 该 ' +
    '我 我们 你 你们 您 他 她 它 他们 她们 它们 咱 咱们 自己 大家 本人 一个 一些 一下 一点 什么 怎么 怎样 ' +
    '如何 哪 哪里 哪些 因为 所以 因此 如果 假如 虽然 但是 可是 然后 而且 并且 或者 还是 以及 已经 曾经 正在 ' +
    '非常 十分 特别 比较 很 太 最 更 再 又是 就是 不是 只是 可以 能 能够 会 要 想 应该 需要 等 等等 之后 ' +
    '之前 以后 以前 时候 现在 目前 所 个 们 着呢 啥 咋'
  ).split(' '),
);
