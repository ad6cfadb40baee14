// BENCH_REPEAT: each latency or throughput measurement runs that many times on both servers, alternating relay
// and product, so that the load of a shared machine, which drifts over minutes, falls on both alike.

/**
 * Opens both rigs (the servers are already running), warms each once, then calls measure(name, rig) `repeat`
 * times for each, alternating relay and product; always closes the rigs. Returns {relay: [...], product: [...]}.
 */
export async function alternate({ repeat, warmUpS, rate }, makeRigs, measure, log) {
  const rigs = {};
  try {
    for (const [name, make] of Object.entries(makeRigs)) rigs[name] = await make();
    if (warmUpS && rate) for (const rig of Object.values(rigs)) await rig.run(rate, warmUpS); // a fresh process is slower at first (JIT, pools)
    const runs = Object.fromEntries(Object.keys(rigs).map((name) => [name, []]));
    for (let i = 0; i < repeat; i++) {
      for (const name of Object.keys(rigs)) {
        const run = await measure(name, rigs[name]);
        runs[name].push(run);
        log?.(`${name}: repeat ${i + 1}/${repeat} done`);
      }
    }
    return runs;
  } finally {
    await Promise.all(Object.values(rigs).map((rig) => rig.close()));
  }
}
