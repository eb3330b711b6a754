/** The filing the benchmark sends: a company's own request, as the filing form posts it. */
export const filingBody = JSON.stringify({
  title: "货款追收（压测）",
  category: "debt_collection",
  specialties: ["debt_collection", "contract"],
  description: "客户拖欠货款 12 万元已逾半年，多次催告未果，需律师协助追收。",
  counterparties: [{ name: "嘉兴某贸易有限公司" }],
  regionCode: "330421001",
  amountAtStakeFen: 12_000_000,
});
