import { FreshRead } from './fresh-read';

describe('FreshRead', () => {
  it('reads again when a local change happened while a read was under way', async () => {
    const fresh = new FreshRead();
    const answers = ['before the join', 'after the join'];
    const read = fresh.read(async () => {
      const answer = answers.shift()!;
      if (answer === 'before the join') fresh.changed(); // the join answers while this read is in flight
      return answer;
    });
    expect(await read).toBe('after the join');
  });

  it('answers at once without a change, and gives up after a few tries', async () => {
    const fresh = new FreshRead();
    expect(await fresh.read(async () => 'list')).toBe('list');
    let reads = 0;
    expect(
      await fresh.read(async () => {
        fresh.changed();
        return ++reads;
      }),
    ).toBe(3);
  });
});
