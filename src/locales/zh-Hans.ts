
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'shared.empty': `暂无内容`,
'shared.errors.exchange': str`${0} 已拒绝：${1}（代码 ${2}）`,
'shared.errors.malformedResponse': `交易所返回了无法读取的响应`,
'shared.errors.network': `无法连接代理：请检查网络连接`,
'shared.errors.proxy': str`代理拒绝了此请求：${0}`,
'shared.errors.rateLimit': `请求过多：请稍候`,
'shared.errors.rateLimitIn': str`请求过多：${0} 秒后重试`,
'shared.errors.timeout': `未及时响应`,
'shared.errors.timeoutAction': `未及时响应：正在核实是否已执行…`,
'shared.errors.unknown': `出现错误`,
'shared.errors.validation': `请检查标出的字段`,
'shared.loading': `加载中…`,
'shared.noProxy': `未连接：请设置 proxy-url 属性或调用 configure({ proxyUrl })。`,
'shared.retry': `重试`,
'shared.rules.characters': `包含不允许的字符`,
'shared.rules.decimals': str`最多 ${0} 位小数`,
'shared.rules.decimalsAny': `小数位数过多`,
'shared.rules.max': str`最多 ${0}`,
'shared.rules.min': str`至少 ${0}`,
'shared.rules.negative': `不能为负数`,
'shared.rules.nonFinite': `请输入有限的数字`,
'shared.rules.notANumber': `请输入数字，例如 12.5`,
'shared.rules.positive': `必须大于 0`,
'shared.rules.required': `必填`,
'shared.rules.step': str`必须是 ${0} 的整数倍`,
'shared.stale': `已过期`,
'shared.staleTitle': `没有新数据：显示最近收到的数值`,
    };
  