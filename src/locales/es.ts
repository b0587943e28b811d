
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'shared.empty': `Nada que mostrar`,
'shared.errors.exchange': str`${0} lo rechazó: ${1} (código ${2})`,
'shared.errors.malformedResponse': `El exchange envió una respuesta que no podemos leer`,
'shared.errors.network': `No se puede conectar con el proxy: compruebe su conexión`,
'shared.errors.proxy': str`El proxy rechazó esta solicitud: ${0}`,
'shared.errors.rateLimit': `Demasiadas solicitudes: espere un momento`,
'shared.errors.rateLimitIn': str`Demasiadas solicitudes: se reintentará en ${0} s`,
'shared.errors.timeout': `Sin respuesta a tiempo`,
'shared.errors.timeoutAction': `Sin respuesta a tiempo: comprobando si se realizó…`,
'shared.errors.unknown': `Algo salió mal`,
'shared.errors.validation': `Revise el campo resaltado`,
'shared.loading': `Cargando…`,
'shared.noProxy': `Sin conexión: defina el atributo proxy-url o llame a configure({ proxyUrl }).`,
'shared.retry': `Reintentar`,
'shared.rules.characters': `Contiene caracteres no permitidos`,
'shared.rules.decimals': str`Como máximo ${0} decimales`,
'shared.rules.decimalsAny': `Demasiados decimales`,
'shared.rules.max': str`Como máximo ${0}`,
'shared.rules.min': str`Como mínimo ${0}`,
'shared.rules.negative': `No puede ser negativo`,
'shared.rules.nonFinite': `Introduzca un número finito`,
'shared.rules.notANumber': `Introduzca un número, como 12,5`,
'shared.rules.positive': `Debe ser mayor que 0`,
'shared.rules.required': `Obligatorio`,
'shared.rules.step': str`Debe ser múltiplo de ${0}`,
'shared.stale': `Desactualizado`,
'shared.staleTitle': `Sin datos nuevos: se muestran los últimos valores recibidos`,
    };
  