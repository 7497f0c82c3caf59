/** The callback guard and delivery: blocked ranges, their disguises, the allow-list, pinning, no redirects, tries. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CallbackRefused,
  blockedAddress,
  checkCallbackUrl,
  resolveCallbackTarget,
} from './callback-guard.js';
import { deliverCallback } from './deliver-callback.js';

describe('blockedAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.251',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a00:1',
  ])('refuses %s', (address) => {
    expect(blockedAddress(address)).not.toBeNull();
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111'])(
    'lets %s through',
    (address) => {
      expect(blockedAddress(address)).toBeNull();
    },
  );
});

describe('checkCallbackUrl', () => {
  it('sees through the forms a URL can give an address', () => {
    for (const raw of [
      'http://0x7f000001/',
      'http://2130706433/',
      'http://0177.0.0.1/',
      'http://127.1/',
      'http://[::ffff:127.0.0.1]/',
    ])
      expect(() => checkCallbackUrl(raw, []), raw).toThrow(CallbackRefused);
  });

  it('lets the admins list a host, with or without its port', () => {
    expect(checkCallbackUrl('http://127.0.0.1:8080/x', ['127.0.0.1:8080']).pathname).toBe('/x');
    expect(() => checkCallbackUrl('http://127.0.0.1:8081/x', ['127.0.0.1:8080'])).toThrow(CallbackRefused);
    expect(checkCallbackUrl('http://localhost:9/x', ['localhost']).hostname).toBe('localhost');
  });

  it('refuses localhost by name, and names that resolve to a blocked address once resolved', async () => {
    await expect(resolveCallbackTarget('http://localhost/', [])).rejects.toThrow(/loopback name/);
    await expect(resolveCallbackTarget('http://LocalHost./', [])).rejects.toThrow(/loopback name/);
    const resolver = (answers: string[]) => () =>
      Promise.resolve(answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
    await expect(resolveCallbackTarget('http://rebind.test/', [], resolver(['10.0.0.7']))).rejects.toThrow(
      /resolves to 10\.0\.0\.7/,
    );
    // One bad address among good ones is enough to refuse.
    await expect(
      resolveCallbackTarget('http://mixed.test/', [], resolver(['93.184.216.34', '::1'])),
    ).rejects.toThrow(CallbackRefused);
    await expect(
      resolveCallbackTarget('http://nowhere.test/', [], () => Promise.reject(new Error('ENOTFOUND'))),
    ).rejects.toThrow(/does not resolve/);
    expect(
      await resolveCallbackTarget('https://public.test/x', [], resolver(['93.184.216.34'])),
    ).toMatchObject({
      address: '93.184.216.34',
      family: 4,
    });
  });
});

describe('deliverCallback', () => {
  let server: Server;
  let port: number;
  const paths: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      paths.push(req.url ?? '');
      req.resume();
      if (req.url === '/redirect') res.writeHead(302, { Location: '/elsewhere' }).end();
      else if (req.url === '/hang')
        return; // never answers
      else res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('takes any answer as delivered, and never follows a redirect', async () => {
    const policy = { tries: 3, timeoutMs: 2_000, allowedHosts: [`127.0.0.1:${port}`] };
    paths.length = 0;
    expect(await deliverCallback(`http://127.0.0.1:${port}/redirect`, '{}', policy)).toEqual({
      delivered: true,
      status: 302,
      tries: 1,
    });
    expect(await deliverCallback(`http://127.0.0.1:${port}/error`, '{}', policy)).toMatchObject({
      status: 500,
      tries: 1,
    });
    expect(paths).toEqual(['/redirect', '/error']);
  });

  it('tries again when no answer comes, up to the number of tries', async () => {
    paths.length = 0;
    const outcome = await deliverCallback(`http://127.0.0.1:${port}/hang`, '{}', {
      tries: 2,
      timeoutMs: 200,
      allowedHosts: [`127.0.0.1:${port}`],
    });
    expect(outcome).toMatchObject({ delivered: false, tries: 2 });
    expect(paths).toEqual(['/hang', '/hang']);
  });

  it('connects to the address it checked, not to a second resolution of the name', async () => {
    paths.length = 0;
    let lookups = 0;
    const outcome = await deliverCallback(`http://callback.test:${port}/redirect`, '{}', {
      tries: 1,
      timeoutMs: 2_000,
      allowedHosts: [`callback.test:${port}`],
      resolve: () => {
        lookups += 1;
        return Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
      },
    });
    // callback.test resolves nowhere else: the request arrived, so it went to the checked address.
    expect(outcome).toMatchObject({ delivered: true, status: 302 });
    expect(lookups).toBe(1);
    expect(paths).toEqual(['/redirect']);
  });

  it('refuses an address that is not listed, without connecting', async () => {
    paths.length = 0;
    const outcome = await deliverCallback(`http://127.0.0.1:${port}/x`, '{}', {
      tries: 3,
      timeoutMs: 500,
      allowedHosts: [],
    });
    expect(outcome).toMatchObject({ delivered: false, tries: 0 });
    expect(paths).toEqual([]);
  });
});
