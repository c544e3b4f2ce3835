"""Text templates for the synthetic (demo) fair generator, in English and Simplified Chinese.

Each family is one kind of business need. Its offer and request phrasings say the same thing
in different words, so a planted partner can only be found by meaning. Fillers (products,
technologies, destinations, subjects) make needs specific; families that share fillers but not
needs ("{p} importers" vs "{p} packaging machines") are the distractors. All demo data.
"""

from __future__ import annotations

from dataclasses import dataclass

# Data tables: kept one entry per line by hand, not by the formatter.
# fmt: off
# Filler kind -> list of (English, Chinese).
FILLERS: dict[str, list[tuple[str, str]]] = {
    "food": [
        ("wine", "葡萄酒"), ("honey", "蜂蜜"), ("kiwifruit", "猕猴桃"), ("beef", "牛肉"),
        ("dairy products", "乳制品"), ("seafood", "海鲜"), ("coffee", "咖啡"), ("tea", "茶叶"),
        ("jasmine rice", "茉莉香米"), ("cherries", "樱桃"), ("olive oil", "橄榄油"),
        ("craft beer", "精酿啤酒"), ("avocados", "牛油果"), ("chocolate", "巧克力"),
        ("infant formula", "婴儿配方奶粉"), ("macadamia nuts", "夏威夷果"),
    ],
    "tech": [
        ("public Wi-Fi networks", "公共无线网络"), ("smart parking", "智慧停车"),
        ("waste sorting", "垃圾分类"), ("traffic signal control", "交通信号控制"),
        ("emergency communication systems", "应急通信系统"),
        ("mobile payment of municipal services", "市政服务手机支付"),
        ("video-based crime prevention", "视频治安防控"), ("smart street lighting", "智慧路灯"),
        ("air quality monitoring", "空气质量监测"), ("water leak detection", "供水管网漏损检测"),
        ("AI-assisted urban planning", "人工智能辅助城市规划"),
        ("fire alarm networks", "火灾报警网络"), ("electric bus charging", "电动公交充电"),
        ("building energy management", "建筑能耗管理"),
    ],
    "place": [
        ("New Zealand", "新西兰"), ("Laos", "老挝"), ("South Africa", "南非"),
        ("California", "加利福尼亚"), ("Japan", "日本"), ("Germany", "德国"),
        ("Morocco", "摩洛哥"), ("Chile", "智利"), ("Hungary", "匈牙利"), ("Portugal", "葡萄牙"),
        ("Canada", "加拿大"), ("Egypt", "埃及"), ("Brazil", "巴西"), ("Australia", "澳大利亚"),
    ],
    "industry": [
        ("stainless steel valves", "不锈钢阀门"), ("industrial robots", "工业机器人"),
        ("lithium batteries", "锂电池"), ("LED lighting", "LED照明产品"),
        ("solar panels", "太阳能电池板"), ("auto parts", "汽车零部件"),
        ("medical devices", "医疗器械"), ("textile machinery", "纺织机械"),
        ("precision bearings", "精密轴承"), ("electric motors", "电动机"),
        ("ceramic tiles", "瓷砖"), ("garments", "服装"), ("furniture", "家具"),
        ("cosmetics", "化妆品"),
    ],
    "subject": [
        ("marine biology", "海洋生物学"), ("mandarin Chinese", "汉语"), ("nursing", "护理"),
        ("hotel management", "酒店管理"), ("civil engineering", "土木工程"),
        ("data science", "数据科学"), ("fashion design", "服装设计"),
        ("agricultural science", "农业科学"), ("film production", "影视制作"),
        ("logistics management", "物流管理"), ("architecture", "建筑学"),
        ("public health", "公共卫生"),
    ],
}


@dataclass(frozen=True)
class Family:
    key: str
    fill: str  # FILLERS kind
    offer_sector: str  # ISIC Rev.4 class of the organisation that offers
    seek_sector: str  # ISIC Rev.4 class of the organisation that asks
    cooperation: tuple[str, ...]
    offer_en: tuple[str, ...]
    seek_en: tuple[str, ...]
    offer_zh: tuple[str, ...]
    seek_zh: tuple[str, ...]


FAMILIES: tuple[Family, ...] = (
    Family(
        "food_export", "food", "4630", "4630", ("export_import", "distribution"),
        ("we export premium {p} and can ship containers to Asia every month",
         "producer of {p} looking for buyers abroad, export certificates in place",
         "family business growing {p} for overseas markets"),
        ("importers wanted: we buy {p} for supermarkets in China",
         "we are looking for a reliable foreign supplier of {p}",
         "sourcing high-quality {p} from overseas producers"),
        ("我们出口优质{p}，每月可向亚洲发运集装箱", "{p}生产商，已具备出口资质，寻找海外买家"),
        ("我们在寻找可靠的海外{p}供应商", "为国内连锁超市采购进口{p}"),
    ),
    Family(
        "food_machinery", "food", "2825", "1079", ("technology_transfer", "export_import"),
        ("processing and packaging machines for {p} producers",
         "we build automated lines that sort, clean and pack {p}",
         "turnkey factory equipment for {p} processing"),
        ("we need modern equipment to process and pack our {p}",
         "looking to automate our {p} production line",
         "upgrading the machinery in our {p} plant"),
        ("为{p}生产企业提供加工和包装机械", "我们制造{p}自动分拣、清洗和包装生产线"),
        ("我们需要现代化设备来加工和包装{p}", "希望实现{p}生产线自动化"),
    ),
    Family(
        "food_retail", "food", "4791", "0121", ("distribution",),
        ("online shop and livestreaming sales channel for imported {p} in China",
         "our e-commerce platform sells foreign {p} to millions of Chinese consumers",
         "cross-border e-commerce store specialised in {p}"),
        ("we want to sell our {p} to Chinese consumers online",
         "seeking an e-commerce partner to bring our {p} to China",
         "help us reach online shoppers in China with our {p}"),
        ("通过网店和直播在中国销售进口{p}", "我们的跨境电商平台向中国消费者销售海外{p}"),
        ("希望通过网络把我们的{p}卖给中国消费者", "寻找跨境电商合作伙伴，将我们的{p}引入中国市场"),
    ),
    Family(
        "food_cold_chain", "food", "5210", "0150", ("distribution", "investment"),
        ("refrigerated warehousing and cold-chain trucking for {p}",
         "temperature-controlled storage and delivery of {p} across East China"),
        ("we need cold storage and chilled transport for our {p}",
         "looking for a logistics company that keeps {p} fresh from port to shop"),
        ("为{p}提供冷库仓储和冷链运输", "华东地区{p}温控仓储与配送服务"),
        ("我们需要{p}的冷藏仓储和冷链运输", "寻找能保证{p}从港口到门店全程保鲜的物流公司"),
    ),
    Family(
        "city_tech", "tech", "6201", "8411", ("technology_transfer", "public_sector"),
        ("we design and deploy {p} for city governments",
         "proven {p} solution already running in several large cities",
         "software and sensors for {p}, with installation and training"),
        ("our city wants to introduce {p}",
         "municipality seeking experience and a technology partner for {p}",
         "we plan a pilot project on {p} next year"),
        ("我们为城市政府设计和部署{p}", "成熟的{p}解决方案，已在多个大城市运行"),
        ("我市希望引入{p}", "市政部门寻求{p}方面的经验和技术合作伙伴"),
    ),
    Family(
        "city_tech_research", "tech", "7210", "8530", ("research",),
        ("university lab publishing research on {p}, open to joint projects",
         "our research institute studies {p} and trains PhD students"),
        ("we look for academic partners to study {p} together",
         "seeking a research collaboration on {p}"),
        ("大学实验室从事{p}研究，欢迎联合项目", "我们的研究院专注于{p}研究并培养博士生"),
        ("寻找学术伙伴共同研究{p}", "希望在{p}领域开展科研合作"),
    ),
    Family(
        "city_tech_invest", "tech", "6430", "6201", ("investment",),
        ("venture fund investing in start-ups working on {p}",
         "we provide growth capital to companies in {p}"),
        ("our start-up in {p} is raising its next funding round",
         "looking for investors for our {p} business"),
        ("风险投资基金，投资{p}领域的初创企业", "我们为{p}企业提供成长资本"),
        ("我们是{p}领域的初创公司，正在进行新一轮融资", "为我们的{p}业务寻找投资人"),
    ),
    Family(
        "tour_inbound", "place", "7912", "7911", ("tourism", "distribution"),
        ("guided group tours and sightseeing packages in {p}",
         "tour operator running trips for visitors to {p}",
         "we organise itineraries, guides and hotels for groups travelling in {p}"),
        ("travel agencies selling {p} trips to Chinese travellers",
         "we look for partners who send tourist groups to {p}",
         "seeking Chinese tour agencies to promote travel to {p}"),
        ("为前往{p}的游客提供导游团队游和观光套餐", "我们为赴{p}的团队安排行程、导游和酒店"),
        ("我们寻找{p}的旅游合作伙伴", "寻找当地地接社，为中国游客设计{p}旅游线路"),
    ),
    Family(
        "tour_outbound", "place", "7911", "7912", ("tourism", "distribution"),
        ("Chinese travel agency selling outbound trips, we want new destinations like {p}",
         "we send thousands of Chinese tourists abroad each year and plan routes to {p}"),
        ("local tour operators in {p} who can receive our tour groups",
         "ground handling partners for Chinese visitors in {p}"),
        ("我们是出境游旅行社，每年组织大量游客赴{p}旅游", "面向长三角客户销售{p}旅游产品"),
        ("寻找能接待我们旅游团的{p}地接社", "需要{p}当地的导游和地接服务"),
    ),
    Family(
        "study_abroad", "subject", "8530", "8550", ("education",),
        ("our university offers degree programmes in {p} for international students",
         "scholarships and exchange semesters in {p}"),
        ("we recruit students who want to study {p} abroad",
         "agency placing Chinese students in {p} programmes overseas"),
        ("我校面向国际学生开设{p}学位课程", "提供{p}专业的奖学金和交换学期"),
        ("为希望出国学习{p}的学生寻找合作院校", "留学机构寻找海外{p}专业合作项目"),
    ),
    Family(
        "vocational", "subject", "8522", "7830", ("education", "public_sector"),
        ("short vocational courses and certificates in {p}",
         "we train technicians in {p} with hands-on workshops"),
        ("employer needing trained staff in {p}",
         "we look for a training provider to upskill our team in {p}"),
        ("提供{p}短期职业培训课程和证书", "通过实操工作坊培养{p}技术人员"),
        ("企业急需{p}方面的专业人才", "寻找培训机构提升员工的{p}技能"),
    ),
    Family(
        "industrial_supply", "industry", "2599", "4659", ("export_import", "distribution"),
        ("factory manufacturing {p} with ISO certification, OEM welcome",
         "we produce {p} in large volumes at competitive prices",
         "manufacturer of {p}, export to 30 countries"),
        ("distributor seeking a new source of {p}",
         "we want to import {p} for our local customers",
         "looking for a manufacturer of {p} to supply our stores"),
        ("工厂生产{p}，通过ISO认证，欢迎贴牌加工", "{p}制造商，产品出口30多个国家"),
        ("经销商寻找新的{p}货源", "我们计划进口{p}供应本地客户"),
    ),
    Family(
        "industrial_agent", "industry", "4610", "2790", ("distribution", "joint_venture"),
        ("sales agency representing foreign brands of {p} in our country",
         "we distribute {p} through a dealer network across the region"),
        ("manufacturer of {p} looking for a sales agent abroad",
         "we need a distributor to enter a new market with our {p}"),
        ("销售代理公司，在本国代理国外{p}品牌", "我们通过经销网络在区域内分销{p}"),
        ("{p}制造商寻找海外销售代理", "需要经销商帮助我们的{p}开拓新市场"),
    ),
    Family(
        "industrial_testing", "industry", "7120", "2220", ("technology_transfer",),
        ("laboratory testing and certification of {p} for EU and US markets",
         "quality inspection and compliance testing of {p}"),
        ("we need our {p} certified before exporting",
         "looking for an accredited lab to test our {p}"),
        ("为{p}提供面向欧美市场的检测认证", "{p}质量检验和合规检测服务"),
        ("我们的{p}出口前需要认证", "寻找有资质的实验室检测我们的{p}"),
    ),
    Family(
        "port_shipping", "place", "5012", "4690", ("export_import", "public_sector"),
        ("container shipping and freight forwarding between Shanghai and {p}",
         "green shipping corridor services with low-emission vessels to {p}"),
        ("we need a freight forwarder for cargo to {p}",
         "looking for sea freight partners on the route to {p}"),
        ("提供上海至{p}的集装箱海运和货运代理", "开往{p}的绿色航运走廊低排放船舶服务"),
        ("我们需要发往{p}货物的货运代理", "寻找{p}航线的海运合作伙伴"),
    ),
    Family(
        "fashion", "industry", "1410", "4771", ("distribution", "joint_venture"),
        ("independent designer label producing {p} in small batches",
         "our studio creates sustainable {p}"),
        ("boutique chain sourcing original {p} from young designers",
         "we look for unique {p} brands for our shops"),
        ("独立设计师品牌，小批量生产{p}", "我们的工作室打造可持续时尚{p}"),
        ("精品店连锁向年轻设计师采购原创{p}", "为我们的门店寻找独特的{p}品牌"),
    ),
    Family(
        "finance_trade", "place", "6419", "4690", ("investment", "export_import"),
        ("trade finance, letters of credit and currency accounts for business with {p}",
         "bank helping small firms pay and get paid in trade with {p}"),
        ("we need financing for our import orders from {p}",
         "small exporter seeking a bank for payments with {p}"),
        ("为与{p}的贸易提供贸易融资、信用证和外币账户", "帮助中小企业处理对{p}贸易收付款的银行"),
        ("我们从{p}进口的订单需要融资", "小型出口企业寻找办理{p}贸易结算的银行"),
    ),
    Family(
        "legal_setup", "place", "6910", "7020", ("investment", "joint_venture"),
        ("law firm advising on company registration and contracts in {p}",
         "legal and tax advice for foreign investors entering {p}"),
        ("we plan to open a subsidiary in {p} and need legal advice",
         "help needed with contracts and registration for our company in {p}"),
        ("律师事务所，提供{p}公司注册和合同咨询", "为进入{p}的外国投资者提供法律和税务咨询"),
        ("我们计划在{p}设立子公司，需要法律咨询", "需要帮助办理在{p}的公司注册和合同事务"),
    ),
)

# Lead-ins vary the openings of requests the way real profiles do.
LEAD_EN: tuple[str, ...] = ("", "", "We are a small company: ", "Priority for 2027: ",
                            "At the fair, ")
LEAD_ZH: tuple[str, ...] = ("", "", "我们是一家中小企业，", "2027年重点：", "本次洽谈会上，")
# fmt: on
