// Renders the PNG app icons from pwa/icon.svg with headless Chromium (playwright-core). Run by
// hand after editing the SVG; the PNGs are committed, so builds never run this.
//
//   node pwa/make-icons.mjs        (CHROMIUM_PATH overrides /usr/bin/chromium)
//
// icon-192.png, icon-512.png: the SVG as is (rounded square, transparent corners).
// icon-maskable-512.png: full-bleed brand colour with the glyph scaled into the central 80 %
// circle (the "safe zone" every platform mask keeps), for `"purpose": "maskable"`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const DIR = dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(join(DIR, 'icon.svg'), 'utf8');

// Maskable: square background, glyph at 80 % around the centre (it already fits a 0.75 circle).
const maskable = svg
  .replace(/<rect [^>]*\/>/, (rect) => rect.replace(/ rx="[^"]*"/, ''))
  .replace(/(<rect [^>]*\/>)([\s\S]*)(<\/svg>)/, '$1<g transform="translate(32 32) scale(.8) translate(-32 -32)">$2</g>$3');

const ICONS = [
  { file: 'icon-192.png', size: 192, svg },
  { file: 'icon-512.png', size: 512, svg },
  { file: 'icon-maskable-512.png', size: 512, svg: maskable },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const { file, size, svg: source } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(DIR, file), png);
    console.log(`${file}: ${size}x${size}, ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
