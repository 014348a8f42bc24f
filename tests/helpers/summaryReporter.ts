import type { Reporter, TestModule } from 'vitest/node'

/** Prints one plain closing line, "N passed, N failed, N skipped", that any CI reader understands. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
      if (mod.state() === 'failed' && mod.children.size === 0) failed++
    }
    console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
  }
}
