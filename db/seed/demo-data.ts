import { creditCodeCheckCharacter, CREDIT_CODE_CHARSET } from "@/lib/credit-code";
import type { Random } from "./random";

export const DEMO_PASSWORD = "demo-pass-2026";

export const demoAccounts = {
  admin: "admin@demo.example",
  expert: "expert@demo.example",
  enterprise: "enterprise@demo.example",
  station: "station@demo.example",
  qingpuAdmin: "qingpu-admin@demo.example",
  wujiangAdmin: "wujiang-admin@demo.example",
  jiashanAdmin: "jiashan-admin@demo.example",
  enterpriseColleague: "enterprise-colleague@demo.example",
  /** A partner platform's account (integration): it has no password, only the token below. */
  integration: "platform@demo.example",
} as const;

/**
 * The demo integration account's API token, known so that a partner can try the API on the demo
 * world at once (README, "JSON API"). Only the demo world has it; a real token is issued on
 * /admin/tokens and shown once.
 */
export const DEMO_INTEGRATION_TOKEN = "clcr_demo-platform-token-2026";

/** The district admins of the demo world, one per district of the zone. */
export const demoDistrictAdmins = [
  { email: demoAccounts.qingpuAdmin, name: "青浦区法学会 周老师", regionScope: "310118", phone: "021-59712348" },
  { email: demoAccounts.wujiangAdmin, name: "吴江区法学会 沈老师", regionScope: "320509", phone: "0512-63012348" },
  { email: demoAccounts.jiashanAdmin, name: "嘉善县法学会 顾老师", regionScope: "330421", phone: "0573-84012349" },
] as const;

/** A valid 统一社会信用代码 for a company registered in the given county (6-digit code). */
export function makeCreditCode(random: Random, county: string): string {
  let body = "91" + county;
  while (body.length < 17) body += CREDIT_CODE_CHARSET.charAt(random.int(0, 30));
  return body + creditCodeCheckCharacter(body);
}

export const zoneTowns = {
  "330421": ["330421001", "330421002", "330421003", "330421102", "330421103", "330421105", "330421107", "330421111", "330421112"],
  "310118": ["310118001", "310118002", "310118102", "310118106", "310118107"],
  "320509": ["320509001", "320509104", "320509105", "320509108", "320509111"],
} as const;

export const enterpriseNames = [
  "嘉善恒达纺织有限公司",
  "嘉善县罗星五金制品有限公司",
  "浙江云澜食品股份有限公司",
  "嘉善天凝木业有限公司",
  "嘉兴西塘文旅发展有限公司",
  "嘉善大云巧克力文化有限公司",
  "浙江魏塘电子科技有限公司",
  "嘉善姚庄精密机械有限公司",
  "上海青浦朱家角物流有限公司",
  "上海徐泾会展服务有限公司",
  "苏州吴江盛泽丝绸有限公司",
  "苏州震泽蚕丝科技有限公司",
  "吴江同里电商直播有限公司",
  "嘉善干窑建材有限公司",
  "嘉善陶庄渔业合作社有限公司",
] as const;

export const counterpartyNames = [
  "杭州锦程贸易有限公司",
  "宁波北仑港通物流有限公司",
  "上海浦东华信建设工程有限公司",
  "苏州工业园区明达电子有限公司",
  "湖州南浔木地板有限公司",
  "嘉兴南湖百货有限公司",
  "无锡锡山机电设备有限公司",
  "绍兴柯桥布业有限公司",
  "合肥新站光电有限公司",
  "温州瓯海鞋业有限公司",
  "南通家纺城经营户王某",
  "义乌小商品商行（个体）",
] as const;

export const expertPeople = [
  ["沈文博", "律师、合伙人", "浙江嘉善正道律师事务所"],
  ["顾晓琳", "律师", "浙江嘉善正道律师事务所"],
  ["陆建国", "高级调解员", "嘉善县人民调解委员会"],
  ["钱慧敏", "律师", "上海青浦汇通律师事务所"],
  ["周立群", "教授", "华东政法大学"],
  ["吴振华", "律师", "江苏吴江明理律师事务所"],
  ["金雅婷", "律师", "浙江嘉兴禾城律师事务所"],
  ["张海涛", "律师、主任", "上海青浦汇通律师事务所"],
  ["李思远", "副教授", "浙江工商大学法学院"],
  ["王丽娟", "仲裁员", "嘉兴仲裁委员会"],
  ["徐志强", "律师", "江苏吴江明理律师事务所"],
  ["朱晓燕", "律师", "浙江嘉善正道律师事务所"],
  ["蒋伟", "律师", "苏州盛泽丝路律师事务所"],
  ["孙建平", "退休法官、调解员", "嘉善县诉调对接中心"],
  ["杨帆", "律师", "上海申浦律师事务所"],
  ["高敏", "律师", "浙江嘉兴禾城律师事务所"],
  ["许国庆", "公证员", "嘉善县公证处"],
  ["马文静", "律师", "杭州西湖明德律师事务所"],
  ["胡斌", "律师", "苏州盛泽丝路律师事务所"],
  ["郑雪", "律师", "上海申浦律师事务所"],
  ["曹磊", "律师", "南京钟山律师事务所"],
  ["沈佳怡", "律师", "浙江嘉善正道律师事务所"],
  ["邹明", "教授", "苏州大学王健法学院"],
  ["潘红", "人民调解员", "青浦区人民调解协会"],
  ["戴俊", "律师", "江苏吴江明理律师事务所"],
  ["范晓东", "律师", "上海青浦汇通律师事务所"],
  ["方琪", "律师", "浙江嘉兴禾城律师事务所"],
  ["袁志刚", "律师", "宁波甬江律师事务所"],
  ["程丽", "律师", "合肥包河律师事务所"],
  ["汪洋", "律师", "上海申浦律师事务所"],
  ["褚明辉", "律师", "浙江嘉善正道律师事务所"],
  ["俞婷", "律师", "苏州盛泽丝路律师事务所"],
  ["陈立新", "律师", "浙江嘉兴禾城律师事务所"],
  ["韩雪梅", "调解员", "吴江区人民调解委员会"],
  ["秦峰", "律师", "上海申浦律师事务所"],
  ["仇玉芬", "律师", "浙江嘉善正道律师事务所"],
  ["屠国良", "律师", "嘉兴南湖律师事务所"],
  ["姚红英", "律师", "上海青浦汇通律师事务所"],
  ["卫东", "律师", "江苏吴江明理律师事务所"],
  ["沈一鸣", "律师", "浙江嘉兴禾城律师事务所"],
] as const;

/** Which specialties a request category needs. */
export const categorySpecialties: Record<string, string[]> = {
  consultation: ["corporate"],
  debt_collection: ["debt_collection", "contract"],
  contract_dispute: ["contract"],
  lease_dispute: ["lease"],
  labor: ["labor"],
  restructuring: ["corporate", "finance"],
  ecommerce: ["ecommerce"],
  ip: ["ip"],
  major_mediation: ["mediation"],
  petition_backlog: ["petition", "mediation"],
  risk_prevention: ["compliance", "finance"],
  compliance_checkup: ["compliance"],
};

export const requestTitles: Record<string, string[]> = {
  consultation: ["股权结构调整咨询", "新业务合同审查咨询"],
  debt_collection: ["30 余笔货款长期拖欠", "下游经销商拖欠货款", "工程款追讨"],
  contract_dispute: ["供货合同违约纠纷", "设备采购合同质量争议"],
  lease_dispute: ["厂房租金拖欠", "商铺租赁提前解约纠纷"],
  labor: ["员工集体加班费争议", "工伤赔偿协商"],
  restructuring: ["企业转型直播电商的法律架构", "传统制造企业重组"],
  ecommerce: ["直播带货平台结算纠纷", "网店商标被仿冒"],
  ip: ["外观设计专利被侵权", "商标异议"],
  major_mediation: ["村企土地流转矛盾调处"],
  petition_backlog: ["多年信访积案化解"],
  risk_prevention: ["担保链风险防控"],
  compliance_checkup: ["企业法治体检", "出口业务合规检查"],
};
