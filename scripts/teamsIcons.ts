import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawColorIcon, drawOutlineIcon } from './teams/iconArt.js';
import { encodePng } from './teams/png.js';

/** `npm run teams:icons`: redraws appPackage/color.png and outline.png from the vector drawing in iconArt.ts. */
const APP_PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../appPackage');

function main(): void {
  fs.mkdirSync(APP_PACKAGE_DIR, { recursive: true });
  for (const [file, image] of [
    ['color.png', drawColorIcon()],
    ['outline.png', drawOutlineIcon()],
  ] as const) {
    const target = path.join(APP_PACKAGE_DIR, file);
    fs.writeFileSync(target, encodePng(image));
    console.log(`${target}: ${image.width}×${image.height}`);
  }
}

main();
