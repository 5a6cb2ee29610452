import { expect, test } from '../fixtures/app';
import { closeCodeAfterRawFrame, invokeFromPage } from '../pages/transport';

test('channels without a payload (app:info, settings:get) are answered over /rpc (regression: bad_frame)', async ({
  page,
}) => {
  // JSON drops an undefined payload, so the frame has no "payload" key at all; main must accept it.
  expect(await invokeFromPage(page, 'app:info')).toMatchObject({
    ok: true,
    value: { name: 'Cohort Desk', runtime: { kind: 'browser', transport: 'loopback-websocket' } },
  });
  expect(await invokeFromPage(page, 'settings:get')).toMatchObject({ ok: true });
});

test('unknown channels and invalid payloads come back as typed errors, never exceptions', async ({
  page,
}) => {
  expect(await invokeFromPage(page, 'app:shell')).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_CHANNEL' },
  });
  expect(await invokeFromPage(page, 'settings:set', { nodeTimeoutMs: 'soon' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_REQUEST', where: 'settings:set:nodeTimeoutMs' },
  });
});

test('a frame that is not an invoke closes the socket with 1008 (policy violation)', async ({
  page,
}) => {
  expect(await closeCodeAfterRawFrame(page, 'not json')).toBe(1008);
  expect(
    await closeCodeAfterRawFrame(
      page,
      JSON.stringify({ type: 'invoke', id: -1, channel: 'app:info' }),
    ),
  ).toBe(1008);
});
