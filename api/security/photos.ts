import sharp from 'sharp';
import { HttpError, refusal } from '../errors';
import type { PhotoType } from '../../domain/contract/projects';

const formatOf: Record<PhotoType, 'jpeg' | 'png' | 'webp'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

// A site photo is a record, not a carrier: 40 megapixels is more than any phone takes.
const MAX_PIXELS = 40_000_000;

/**
 * Decodes the whole upload and encodes it again in its declared format: what is stored is pixels
 * only, without EXIF (a phone's GPS position, its owner's name) or anything appended after the
 * image. Bytes that only start like an image are refused.
 */
export async function reencodePhoto(bytes: Buffer, declared: PhotoType): Promise<Buffer> {
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS });
    const { format } = await image.metadata();
    if (format !== formatOf[declared]) {
      throw new HttpError(415, refusal('photoTypeMismatch', { type: declared }));
    }
    // rotate() applies the EXIF orientation before the metadata is dropped, so the photo stays upright.
    return await image.rotate().toFormat(formatOf[declared]).toBuffer();
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(422, refusal('photoUnreadable', { type: declared }));
  }
}
