export { createSat69bService, lookup69b, type Sat69bService } from './sat-69b.service.js';
