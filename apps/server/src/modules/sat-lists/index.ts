export { createSat69bService, lookup69b, type Sat69bService } from './sat-69b.service.js';
export { SAT_69B_DOWNLOAD_JOB, scheduleSat69bDownload } from './sat-69b-download.js';
