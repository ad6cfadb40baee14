import { blockableAddress, clientAddress } from './visitor-address';

describe('visitor addresses', () => {
  it('reads the client address, IPv4-mapped IPv6 as IPv4', () => {
    expect(clientAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress('2001:DB8::1')).toBe('2001:db8::1');
    expect(clientAddress('not an address')).toBeNull();
    expect(clientAddress(undefined)).toBeNull();
  });

  it('blocks a public IPv4 address as is, an IPv6 one by its /64', () => {
    expect(blockableAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(blockableAddress('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(blockableAddress('2001:0db8:00aa:0bb::9')).toBe('2001:db8:aa:bb::/64');
    expect(blockableAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });

  it('never blocks an address a proxy or this machine has', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.1', '100.64.0.1', '169.254.1.1', '::1', 'fd00::1', 'fe80::1', '::', null]) expect(blockableAddress(address)).toBeNull();
  });
});
