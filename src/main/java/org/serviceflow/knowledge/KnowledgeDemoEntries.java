package org.serviceflow.knowledge;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo entries of the knowledge base ({@code serviceflow.knowledge.demo-entries=true}, demo and test profiles), written
 * once into an empty knowledge base: typical questions of a 12345 hotline and of a customer-service centre. Their
 * contents are examples to show the search, not official policy.
 */
@Component
@ConditionalOnProperty(name = "serviceflow.knowledge.demo-entries", havingValue = "true")
class KnowledgeDemoEntries implements ApplicationRunner {

  static final String BY = "demo";
  static final String HOTLINE = "hotline-supervisors";
  static final String SERVICE = "customer-service-lead";
  static final LocalDate REVIEW = LocalDate.of(2027, 6, 30);

  static final List<KnowledgeRequest> ENTRIES = List.of(
      new KnowledgeRequest("社保卡丢失补办",
          "社保卡丢失后，请先拨打 12333 或通过当地人社 App 办理临时挂失，再携带本人有效身份证件到就近的社保卡服务网点"
              + "或合作银行网点申请补办。补办一般需要 7 至 15 个工作日，部分网点可即时制卡。补办期间医保就医可使用电子社保卡。",
          "社会保障", "市人力资源和社会保障局《社会保障卡服务指南》", HOTLINE, REVIEW),
      new KnowledgeRequest("住房公积金提取",
          "购房、租房、退休、离职后未再就业等情形可申请提取住房公积金。租房提取每年可办理一次，携带身份证和租房合同（或无房证明）"
              + "到公积金中心窗口办理，也可在公积金 App 线上申请，一般 3 个工作日内到账。购房提取需提供购房合同和发票。",
          "住房公积金", "市住房公积金管理中心提取业务指南", HOTLINE, REVIEW),
      new KnowledgeRequest("装修噪音扰民投诉",
          "住宅装修施工时间一般为工作日 8:00—12:00、14:00—18:00，法定节假日和休息日不得进行产生噪声的装修作业。"
              + "楼上或邻居装修噪声扰民、超时施工的，可先联系物业管理单位劝阻；劝阻无效的，由街道或城管执法部门依法处理。",
          "城市管理", "《中华人民共和国噪声污染防治法》及本市住宅装修管理规定", HOTLINE, REVIEW),
      new KnowledgeRequest("居住证办理",
          "在本市居住满半年，并有合法稳定就业、合法稳定住所或连续就读条件之一的，可申领居住证。携带身份证、照片和居住证明"
              + "到居住地派出所或社区事务受理中心办理，一般 15 个工作日内发证。",
          "户籍证件", "市公安局《居住证办理须知》", HOTLINE, REVIEW),
      new KnowledgeRequest("退换货政策",
          "商品自签收之日起 7 日内，不影响二次销售的可无理由退货；15 日内出现性能故障的可选择换货或维修；保修期内非人为损坏"
              + "免费维修。退换货请保留购物凭证和完整包装，客服核实后安排上门取件，退款在收到退货后 3 个工作日内原路退回。",
          "售后服务", "公司《商品退换货管理规定》", SERVICE, REVIEW),
      new KnowledgeRequest("发票开具与补开",
          "购买商品后可在订单页面申请开具电子普通发票，增值税专用发票需提供单位名称、税号、地址电话和开户行账号。"
              + "已开发票信息有误的，可在开票后 180 日内申请作废重开。",
          "客户服务", "公司《发票管理办法》", SERVICE, REVIEW));

  private final KnowledgeEntryRepository entries;

  KnowledgeDemoEntries(KnowledgeEntryRepository entries) {
    this.entries = entries;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (entries.count() == 0) {
      ENTRIES.forEach(entry -> entries.save(new KnowledgeEntry(entry, ClockUtil.getCurrentTime().toInstant(), BY)));
    }
  }
}
