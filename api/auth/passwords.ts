// Hashing lives in db/ so the seed and the API share it (db/ may not import api/).
export { hashPassword, verifyPassword } from '../../db/passwords';
