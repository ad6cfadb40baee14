import { TurnBatch } from './turn-batch';

describe('TurnBatch', () => {
  it('runs the calls of one turn together, in order, cut at the maximum; later calls in a batch of their own', async () => {
    const batches: number[][] = [];
    const batch = new TurnBatch<number, number>(async (inputs) => (batches.push(inputs), inputs.map((n) => n * 10)), 3);
    const first = await Promise.all([1, 2, 3, 4].map((n) => batch.add(n)));
    const later = await batch.add(5);
    expect(first).toEqual([10, 20, 30, 40]);
    expect(later).toBe(50);
    expect(batches).toEqual([[1, 2, 3], [4], [5]]);
  });

  it('each call may fail alone; a failing run fails its whole batch', async () => {
    const alone = new TurnBatch<number, number>(async (inputs) => inputs.map((n) => (n === 2 ? Promise.reject(new Error('two')) : n)));
    expect(await Promise.allSettled([1, 2, 3].map((n) => alone.add(n)))).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('two') },
      { status: 'fulfilled', value: 3 },
    ]);
    const broken = new TurnBatch<number, number>(() => Promise.reject(new Error('down')));
    await expect(Promise.all([broken.add(1), broken.add(2)])).rejects.toThrow('down');
  });
});
