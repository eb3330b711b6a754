/** The controlled taxonomy of specialties (codes are data; names for both languages). */
export const specialtyRows = [
  { code: "debt_collection", nameZh: "债权清收", nameEn: "Debt collection" },
  { code: "contract", nameZh: "合同纠纷", nameEn: "Contract disputes" },
  { code: "lease", nameZh: "房屋租赁", nameEn: "Leases and rent" },
  { code: "corporate", nameZh: "公司治理与重组", nameEn: "Corporate and restructuring" },
  { code: "ecommerce", nameZh: "电子商务与直播", nameEn: "E-commerce and live streaming" },
  { code: "labor", nameZh: "劳动用工", nameEn: "Labour and employment" },
  { code: "ip", nameZh: "知识产权", nameEn: "Intellectual property" },
  { code: "mediation", nameZh: "矛盾调处", nameEn: "Mediation" },
  { code: "administrative", nameZh: "行政法务", nameEn: "Administrative law" },
  { code: "finance", nameZh: "金融与融资", nameEn: "Finance and lending" },
  { code: "compliance", nameZh: "企业合规", nameEn: "Compliance" },
  { code: "petition", nameZh: "信访化解", nameEn: "Petition resolution" },
] as const;
