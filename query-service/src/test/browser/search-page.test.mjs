// The web page in a real browser: Debian's chromium, headless, driven by playwright-core (no downloaded browser).
// Against a running query-service with the bundled sample (kst-36200-VII-147) ingested: QUERY_URL, default :8083.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';

const base = process.env.QUERY_URL || 'http://localhost:8083';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({ executablePath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
// the page lists questions before any search: wait for the search's own results, every one with a marked word
const searchResults = () => {
  const results = [...document.querySelectorAll('article[data-id]')];
  return results.length > 0 && results.every(a => a.querySelector('mark'));
};
try {
  const page = await browser.newPage();
  // the list shown on load answers late, after the search: it must not replace the search's results
  await page.route(url => url.pathname === '/api/questions' && !url.searchParams.has('q'), async route => {
    await new Promise(resolve => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto(base + '/');
  await page.fill('#q', 'gemeentefonds');
  await page.click('#search button[type=submit]');
  await page.waitForFunction(searchResults);
  await page.waitForTimeout(2500);
  assert.ok(await page.evaluate(searchResults), 'the late answer to the first list replaced the search results');
  await page.unrouteAll();

  // the search state is in the URL, so it can be shared
  assert.match(page.url(), /[?&]q=gemeentefonds/);
  const ids = await page.$$eval('article[data-id]', list => list.map(a => a.dataset.id));
  for (const n of ['7', '8', '29', '34']) {
    assert.ok(ids.includes(`kst-36200-VII-147#${n}`), `question ${n} found, got ${ids.join(', ')}`);
  }
  // every result has the searched word marked, a citation and a link to its source
  const results = await page.$$eval('article[data-id]', list => list.map(a => ({
    id: a.dataset.id,
    marks: [...a.querySelectorAll('mark')].map(m => m.textContent.toLowerCase()),
    citation: a.querySelector('.cite')?.textContent,
  })));
  for (const r of results) {
    assert.ok(r.marks.some(m => m.startsWith('gemeentefonds')), `${r.id} has the word marked: ${r.marks}`);
    assert.match(r.citation, /^Kamerstukken II 2022\/23, 36 200 VII, nr\. 147, p\. \d+$/);
  }
  assert.ok(await page.$('#facets .chip[data-facet=party]'), 'party chips shown');
  await page.screenshot({ path: shots + 'search-gemeentefonds.png', fullPage: true });

  // a shared link opens the same search
  const shared = await browser.newPage();
  await shared.goto(page.url());
  await shared.waitForFunction(searchResults);
  assert.equal(await shared.$$eval('article[data-id]', l => l.length), ids.length);

  // the document view: all questions and answers in order, with page numbers and footnotes
  await page.click('article[data-id="kst-36200-VII-147#7"] .meta a');
  await page.waitForSelector('section.document article');
  const numbers = await page.$$eval('section.document article .meta', l => l.map(m => m.textContent));
  assert.equal(numbers.length, 46, 'all 46 questions');
  assert.match(numbers[0], /^Vraag 1 /);
  assert.ok(numbers.every(t => /p\. \d+/.test(t)), 'page numbers shown');
  assert.ok(await page.$('section.document ol.footnotes li'), 'footnotes shown');
  await page.screenshot({ path: shots + 'document-view.png', fullPage: true });
  console.log(`browser test passed: ${ids.length} results for gemeentefonds, document view with ${numbers.length} questions; screenshots in ${shots}`);
} finally {
  await browser.close();
}
