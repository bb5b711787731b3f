export { InvalidPhoneError, maskPhone, normalizePhone } from './phone';
