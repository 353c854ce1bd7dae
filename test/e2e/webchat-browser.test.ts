import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Browser, BrowserContext, chromium, FrameLocator, Locator, Page, WebSocketRoute } from 'playwright-core';
import { eventually, webChat } from '../support/chat';
import { request } from '../support/http';
import { RunningSystem, startSystem } from '../support/running-system';

/** Debian's chromium (tools/dev/bootstrap.sh installs it): Playwright's own browser download is not used. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WAIT_MS = 20_000;

let system: RunningSystem;
let browser: Browser;
let hostSite: Server;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [system, browser] = await Promise.all([
    startSystem(['gateway', 'dialogue', 'ticketing']),
    chromium.launch({ executablePath: CHROMIUM }),
  ]);
  hostSite = await serveHostSite(system.url('gateway', '/chat/widget.js'));
});
afterAll(async () => {
  await browser?.close();
  hostSite?.close();
  await system?.stop();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/**
 * A district government's site on another origin that embeds the widget with the one documented tag, and whose CSS
 * would hide or shrink every button and iframe it could reach.
 */
async function serveHostSite(widgetUrl: string): Promise<Server> {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>天河区人民政府</title>
    <style>* { font-size: 8px !important; color: #0f0 !important; } button, iframe { display: none !important; }</style>
    </head><body><h1>天河区人民政府门户网站</h1>
    <script src="${widgetUrl}" data-lang="zh" async></script></body></html>`;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const hostSiteUrl = () => `http://127.0.0.1:${(hostSite.address() as AddressInfo).port}/`;

/** A citizen's browser, in Chinese unless told otherwise (the page follows the browser's language at first). */
async function newPage(options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  context.setDefaultTimeout(WAIT_MS);
  contexts.push(context);
  return context.newPage();
}

/** The first message in the log with this text, once it shows. */
async function shown(chat: Page | FrameLocator, selector: string, text: string | RegExp): Promise<Locator> {
  const message = chat.locator(selector).filter({ hasText: text }).first();
  await message.waitFor();
  return message;
}

async function say(chat: Page | FrameLocator, text: string): Promise<void> {
  const box = chat.locator('#text');
  await box.fill(text);
  await box.press('Enter');
}

const messageTexts = (chat: Page | FrameLocator) => chat.locator('#log li .text').allTextContents();

/** A computed style of the element, as the browser lays it out (this file has no DOM types: the browser runs it). */
const styleOf = (locator: Locator, property: string) =>
  locator.evaluate(
    (element, name) => element.ownerDocument.defaultView?.getComputedStyle(element).getPropertyValue(name),
    property,
  );

async function staffToken(username: string): Promise<string> {
  const login = await request<{ accessToken: string }>('POST', system.url('gateway', '/api/v1/auth/login'), {
    json: { username, password: system.staffPassword },
  });
  return login.body.accessToken;
}

describe('the web chat in a browser', () => {
  it('opens from the widget on another site, answers, and shows a ticket reply sent while the gateway was down exactly once', async () => {
    const page = await newPage();
    await page.goto(hostSiteUrl());
    const launcher = page.getByRole('button', { name: '在线咨询' });
    await launcher.waitFor();
    // The host page's `* { font-size: 8px !important }` and `button { display: none !important }` do not reach it.
    expect(await styleOf(launcher, 'font-size')).toBe('17px');
    await launcher.click();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    const chat = page.frameLocator('iframe[title="政务服务智能客服"]');
    await shown(chat, '#log li.out', '政务服务智能客服');

    await say(chat, '我要投诉天河区棠下小区周边工地夜间施工扰民');
    const created = await shown(chat, '#log li.out', '工单号');
    const ticketNo = /工单号：(GD\d+)/.exec((await created.textContent()) ?? '')?.[1];
    expect(ticketNo).toBeDefined();
    const token = await staffToken('thzjj-staff');

    await system.kill('gateway');
    await chat.locator('#offline').waitFor({ state: 'visible' });
    const signed = await request('POST', system.url('ticketing', `/api/v1/tickets/${ticketNo}/sign-for`), {
      json: {},
      token,
    });
    expect(signed.status).toBe(200);
    await say(chat, `工单 ${ticketNo} 办到哪一步了`);
    await shown(chat, '#log li.pending', '待发送');
    await system.start('gateway');

    await shown(chat, '#log li.out', `已由天河区住房和建设局签收`);
    await shown(chat, '#log li.out', `工单 ${ticketNo}：`);
    await chat.locator('#offline').waitFor({ state: 'hidden' });
    // Give a late push or a second catch-up the time to show a copy, if the page let one through.
    await page.waitForTimeout(1500);
    const before = await messageTexts(chat);
    expect(before.filter((text) => text.includes('已由天河区住房和建设局签收'))).toHaveLength(1);
    expect(before.filter((text) => text === `工单 ${ticketNo} 办到哪一步了`)).toHaveLength(1);
    expect(await chat.locator('#log li.pending').count()).toBe(0);

    // The session survives a reload: the same conversation, each message once.
    await page.reload();
    await page.getByRole('button', { name: '在线咨询' }).click();
    await shown(chat, '#log li.out', `工单 ${ticketNo}：`);
    expect((await messageTexts(chat)).sort()).toEqual([...before].sort());
  });

  it('speaks Uyghur right to left, mirrored, and keeps the choice after a reload', async () => {
    const page = await newPage();
    await page.goto(system.url('gateway', '/chat/'));
    await shown(page, '#log li.out', '政务服务智能客服');
    const citizenX = async () => (await page.locator('#log li.in').last().boundingBox())?.x ?? NaN;
    const assistantX = async () => (await page.locator('#log li.out').last().boundingBox())?.x ?? NaN;
    expect(await citizenX()).toBeGreaterThan(await assistantX());

    expect(await styleOf(page.locator('#log'), 'direction')).toBe('ltr');

    await page.getByLabel('语言').selectOption('ug');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ug');
    // As laid out, not only as marked: the log, the header and the form run right to left.
    for (const part of ['#log', '.chat__header', '#form']) {
      expect(await styleOf(page.locator(part), 'direction')).toBe('rtl');
    }
    const header = await page.locator('.chat__header').boundingBox();
    const title = await page.locator('#chat-title').boundingBox();
    const send = await page.locator('#send').boundingBox();
    const box = await page.locator('#text').boundingBox();
    // Mirrored: the title starts at the right edge of the header, and the send button sits left of the input.
    expect((header?.x ?? 0) + (header?.width ?? 0) - ((title?.x ?? 0) + (title?.width ?? 0))).toBeLessThan(40);
    expect(send?.x).toBeLessThan(box?.x ?? 0);
    expect(await page.locator('#send').textContent()).toBe('يوللاش');
    await say(page, 'ياخشىمۇسىز');
    await shown(page, '#log li.out', 'ياخشىمۇسىز! مەن ھۆكۈمەت');
    expect(await citizenX()).toBeLessThan(await assistantX());

    await page.reload();
    await shown(page, '#log li.out', 'ياخشىمۇسىز! مەن ھۆكۈمەت');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByLabel('تىل').inputValue()).toBe('ug');
  });

  it('in elder mode on a phone, gets the simpler replies and big quick-reply buttons', async () => {
    const page = await newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(system.url('gateway', '/chat/'));
    const greeting = await shown(page, '#log li.out', '7×24 小时为您服务');
    const textSize = async (locator: Locator) =>
      parseFloat((await styleOf(locator.locator('.text'), 'font-size')) ?? '');
    expect(await textSize(greeting)).toBe(16);
    const elder = page.getByRole('button', { name: '长者模式' });
    await elder.click();
    expect(await elder.getAttribute('aria-pressed')).toBe('true');
    expect(await styleOf(page.locator('html'), 'font-size')).toBe('21px');
    expect(await textSize(greeting)).toBeGreaterThanOrEqual(21);
    expect(parseFloat((await styleOf(page.locator('#text'), 'font-size')) ?? '')).toBeGreaterThanOrEqual(21);

    await say(page, '你好');
    await shown(page, '#log li.out', '我是政务服务小助手');
    const choice = page.locator('#choices').getByRole('button', { name: '问政策' });
    await choice.waitFor();
    expect((await choice.boundingBox())?.height).toBeGreaterThanOrEqual(60);
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    // Keyboard only: the quick reply is a button reached with Tab and pressed with Enter.
    await choice.focus();
    await page.keyboard.press('Enter');
    await shown(page, '#log li.out', '请问您想了解哪方面的政策');
  });
});

describe('catching up after a reconnect', () => {
  it('shows a reply stored while its socket was cut, through the catch-up, and then sends what was typed meanwhile', async () => {
    const page = await newPage();
    // The gateway stays up; only this page's socket is cut, and its reconnects refused, until the test lets it back.
    let isCut = false;
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/ws\?sessionId=/, (socket) => {
      if (isCut) return socket.close();
      socket.connectToServer();
      sockets.push(socket);
    });
    const catchUps: string[] = [];
    page.on('request', (sent) => {
      const url = new URL(sent.url());
      if (url.pathname.endsWith('/messages') && url.searchParams.has('after')) catchUps.push(url.search);
    });
    await page.goto(system.url('gateway', '/chat/'));
    await shown(page, '#log li.out', '政务服务智能客服');
    await say(page, '我要投诉天河区车陂路工地夜间施工扰民');
    const created = await shown(page, '#log li.out', '工单号');
    const ticketNo = /工单号：(GD\d+)/.exec((await created.textContent()) ?? '')?.[1];
    const sessionId = await page.evaluate('localStorage.getItem("chatSessionId")');
    expect(typeof sessionId).toBe('string');
    await eventually(async () => expect(sockets.length).toBeGreaterThan(0));

    isCut = true;
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
    await page.locator('#offline').waitFor({ state: 'visible' });
    const signed = await request('POST', system.url('ticketing', `/api/v1/tickets/${ticketNo}/sign-for`), {
      json: {},
      token: await staffToken('thzjj-staff'),
    });
    expect(signed.status).toBe(200);
    // Stored and pushed to nobody: from here only the catch-up can bring it to the page.
    await eventually(async () => {
      const history = await webChat(system).history(String(sessionId));
      expect(history.body.messages.some((message) => message.text.includes('已由天河区住房和建设局签收'))).toBe(true);
    });
    await say(page, '施工什么时候能停下来');
    await shown(page, '#log li.pending', '待发送');
    expect(await page.locator('#log li.out').filter({ hasText: '签收' }).count()).toBe(0);

    catchUps.length = 0;
    isCut = false;
    await shown(page, '#log li.out', '已由天河区住房和建设局签收');
    await page.locator('#log li.pending').waitFor({ state: 'detached' });
    await page.locator('#offline').waitFor({ state: 'hidden' });
    expect(catchUps.length).toBeGreaterThan(0);
    expect(catchUps[0]).toMatch(/^\?after=[0-9a-f-]{36}$/);
    await page.waitForTimeout(1500);
    const texts = await messageTexts(page);
    expect(texts.filter((text) => text.includes('已由天河区住房和建设局签收'))).toHaveLength(1);
    expect(texts.filter((text) => text === '施工什么时候能停下来')).toHaveLength(1);
    // The message typed while cut went out after the catch-up: it comes after the progress reply.
    expect(texts.indexOf('施工什么时候能停下来')).toBeGreaterThan(
      texts.findIndex((text) => text.includes('已由天河区住房和建设局签收')),
    );
  });

  it('gives only the messages after the one named, and refuses a cursor that is not a message id', async () => {
    const chat = webChat(system);
    const first = await chat.send({ text: '你好' });
    const sessionId = first.body.sessionId;
    const greeting = first.body.replies?.[0].id;
    await chat.send({ sessionId, text: '我要投诉' });
    const url = (query: string) => system.url('gateway', `/api/v1/chat/sessions/${sessionId}/messages${query}`);
    const after = await request<{ messages: Array<{ text: string; direction: string }> }>(
      'GET',
      url(`?after=${greeting}`),
    );
    expect(after.status).toBe(200);
    expect(after.body.messages.map((message) => message.direction)).toEqual(['in', 'out']);
    expect(after.body.messages[0].text).toBe('我要投诉');
    const refused = await request<{ message: string }>('GET', url('?after=last'));
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('after: 必须是消息编号');
  });
});
