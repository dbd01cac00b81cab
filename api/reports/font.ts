import { existsSync } from 'node:fs';
import { HttpError, refusal } from '../errors';

/**
 * The CJK font the printed reports are set in. PDF's standard fonts have no Chinese glyphs, so a report
 * needs a font file: Debian's fonts-noto-cjk (scripts/run.sh installs it, the Docker image carries it), or
 * any TrueType/OpenType file with Chinese glyphs named by REPORT_FONT (docs/deployment.md).
 */
export interface FontFace {
  src: string;
  /** The face's PostScript name inside a collection (.ttc); absent for a single-face file. */
  family?: string;
}

export interface CjkFont {
  regular: FontFace;
  bold: FontFace;
}

const NOTO = '/usr/share/fonts/opentype/noto';
/** Simplified Chinese faces of Debian's fonts-noto-cjk: sans (黑体-like) first, serif (宋体-like) if only it is there. */
const NOTO_FACES: CjkFont[] = [
  {
    regular: { src: `${NOTO}/NotoSansCJK-Regular.ttc`, family: 'NotoSansCJKsc-Regular' },
    bold: { src: `${NOTO}/NotoSansCJK-Bold.ttc`, family: 'NotoSansCJKsc-Bold' },
  },
  {
    regular: { src: `${NOTO}/NotoSerifCJK-Regular.ttc`, family: 'NotoSerifCJKsc-Regular' },
    bold: { src: `${NOTO}/NotoSerifCJK-Bold.ttc`, family: 'NotoSerifCJKsc-Bold' },
  },
];

export const missingFontMessage = (looked: string[]) =>
  `PDF reports need a font with Chinese characters, and none was found (looked for ${looked.join(', ')}). ` +
  'Install one with `apt-get install fonts-noto-cjk` (scripts/run.sh does this for npm start and npm test), ' +
  'or set REPORT_FONT to a .ttf or .otf file with Chinese glyphs, then try again.';

/**
 * The font for a report, looked up at each report (a font installed while the API runs is used at once);
 * a 503 saying what to install when there is none, rather than a PDF of empty boxes.
 */
export function cjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont {
  const chosen = env.REPORT_FONT?.trim();
  if (chosen) {
    if (!existsSync(chosen))
      throw new HttpError(503, refusal('refused', { reason: missingFontMessage([`REPORT_FONT=${chosen}`]) }));
    return { regular: { src: chosen }, bold: { src: chosen } };
  }
  const font = NOTO_FACES.find((f) => existsSync(f.regular.src));
  if (!font)
    throw new HttpError(503, refusal('refused', { reason: missingFontMessage(NOTO_FACES.map((f) => f.regular.src)) }));
  return existsSync(font.bold.src) ? font : { regular: font.regular, bold: font.regular };
}
