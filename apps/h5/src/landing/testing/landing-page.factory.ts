import type { PublicCard } from '@fenji/shared';
import { DEFAULT_BRAND, landingUrls, leadFormModel, type CardPageData, type LandingPageData } from '../landing-model';

/** A typical HQ article (about 1,500 characters of plain text, like most WeChat articles), to measure a realistic page. */
export const TYPICAL_ARTICLE_BODY = `每年换季，家里最先“闹脾气”的往往是厨房的水。春天管网检修频繁，水里的泥沙和铁锈多了；夏天气温高，水箱里的细菌繁殖得快；到了秋冬，水垢又悄悄在水壶底部结成一层白壳。很多家庭直到烧水壶里出现肉眼可见的沉淀，才想起来该关心一下每天喝进去的水。

我们整理了门店师傅这两年上门服务时最常被问到的问题，从“自来水到底安不安全”讲起，再聊聊怎么根据自己家的情况选一台合适的净水设备。文章有点长，建议收藏后慢慢看。

一、自来水出厂合格，为什么到家还要再处理？

自来水厂出厂的水是按照国家生活饮用水卫生标准检测合格的，这一点不用担心。问题出在“最后一公里”：老小区的铸铁管道用了二三十年，内壁锈蚀；高层住宅要经过楼顶水箱或者二次供水设备，清洗不及时就容易滋生细菌；装修时如果管道接口处理不好，也可能带进杂质。所以，到达水龙头的水和出厂时的水，往往不是一回事。

另外，为了保证管网末端的消毒效果，自来水里会保留一定量的余氯。余氯对人体是安全的，但不少人对它的气味比较敏感，泡茶、煮咖啡时尤其明显。

二、先弄清楚自家的水是什么情况

选设备之前，最好先做一次简单的水质检测。门店可以免费提供 TDS 笔和余氯试剂，几分钟就能看到结果：TDS 数值反映的是水中溶解性固体的总量，数值高通常意味着水比较“硬”，烧水容易结垢；余氯试剂变色越深，说明余氯含量越高。

如果你家住在老小区、经常看到水发黄，重点要解决的是泥沙和铁锈；如果水垢特别严重，要考虑降低硬度；如果家里有老人和小孩，直接饮用的需求多，那就需要更精细的过滤。

三、常见的净水方式怎么选

前置过滤器装在入户总管上，主要拦截泥沙、铁锈这类大颗粒杂质，保护家里的热水器、洗衣机和后面的净水设备。它不能让水直接饮用，但几乎是每个家庭都值得装的第一道防线，而且大多数型号只需要定期手动冲洗，使用成本很低。

超滤净水器的滤膜孔径很小，可以去除细菌和大部分胶体，同时保留水中的矿物质，不需要插电，也没有废水。它适合原水水质较好、主要想去掉细菌和异味的家庭。

反渗透净水器过滤得最彻底，出水可以直接饮用，适合水质较差或者对饮水要求比较高的家庭。它需要通电和一定的水压，会产生一部分浓水。现在的新款机器废水比已经做到了二比一甚至三比一，浓水也可以接出来拖地、浇花。

软水机通过离子交换降低水的硬度，洗澡后皮肤不紧绷，热水器和卫浴五金也不容易结垢。它处理的是生活用水，不是饮用水，需要定期添加专用的软水盐。

四、安装之前要确认的几件事

第一，看厨房水槽下面的空间。反渗透机器一般需要四十厘米左右的宽度，还要预留一个电源插座和排水口。第二，看水压。高层住宅如果水压不足，要选带增压泵的型号。第三，看滤芯的更换周期和价格。买的时候便宜，换滤芯却很贵，是很多人后悔的地方。我们建议按三到五年的总使用成本来比较，而不是只看机器的价格。

五、日常使用的小习惯

长时间不在家，回来后先放掉管道里的存水再饮用；滤芯到期要按时更换，超期使用反而可能造成二次污染；机器的指示灯提示异常时，不要自己拆机，联系售后上门处理就好。

六、我们能帮你做什么

本周末门店开放免费水质检测，师傅可以上门测量，也可以把水样带到店里。检测结果会当场告诉你，并根据你家的户型、人数和预算给出建议。建议只是参考，买不买、买哪一款都由你决定，我们不会反复打电话推销。

如果你想预约上门检测，或者对文中的内容有任何疑问，可以在下方留下姓名和手机号，注明方便联系的时间，门店的同事会尽快与你联系。`;

export const SHARE_CODE = 'Xy7Qk2Lm9PaB';

export function buildSharer(overrides: Partial<PublicCard> = {}): PublicCard {
  return {
    name: '王小明',
    title: '净水顾问',
    branchName: '浦东店',
    avatarUrl: '/media/01JDAVATAR0000000000000000/640.jpg',
    intro: '在门店做了六年净水方案，上门检测、安装、售后都可以找我。',
    phone: '13800138000',
    wechatId: 'wang_xm88',
    ...overrides,
  };
}

/** A typical product page: a cover, text, an image, facts, a video link and a call to action. */
export function buildLandingPageData(overrides: Partial<LandingPageData> = {}): LandingPageData {
  const [intro, ...rest] = TYPICAL_ARTICLE_BODY.split('\n\n三、');
  return {
    shareCode: SHARE_CODE,
    content: {
      id: '01JDCONTENT000000000000000',
      title: '换季了，家里的水还好吗？一篇讲清楚怎么选净水器',
      summary: '从自来水的“最后一公里”讲起，教你看懂自家水质，选到合适的净水设备。',
      cover: { url: '/media/01JDCOVER00000000000000000/1280.jpg', width: 1280, height: 720, alt: '厨房里的净水器' },
      blocks: [
        { type: 'text', text: intro as string },
        { type: 'image', url: '/media/01JDIMAGE00000000000000000/960.jpg', width: 960, height: 640, alt: '门店师傅上门检测水质' },
        { type: 'text', text: `三、${rest.join('\n\n三、')}` },
        { type: 'facts', items: [{ label: '价格', value: '¥2,980 起' }, { label: '安装', value: '免费上门' }, { label: '滤芯', value: '一年一换' }] },
        { type: 'video', url: 'https://v.qq.com/x/page/water2026.html', title: '三分钟看懂反渗透净水器' },
        { type: 'cta', text: '本周末门店开放免费水质检测' },
      ],
    },
    sharer: buildSharer(),
    brand: { ...DEFAULT_BRAND, name: '清泉净水' },
    form: leadFormModel(SHARE_CODE, { ctaText: '预约体验', fields: ['message', 'preferred_time'] }),
    urls: landingUrls(SHARE_CODE, '/static/landing/landing.js'),
    ...overrides,
  };
}

export function buildCardPageData(overrides: Partial<CardPageData> = {}): CardPageData {
  return {
    shareCode: SHARE_CODE,
    pageKey: 'card:01JDSTAFF00000000000000000',
    card: buildSharer(),
    featured: [
      { title: '换季了，家里的水还好吗？', summary: '教你看懂自家水质', cover: { url: '/media/01JDCOVER00000000000000000/1280.jpg', width: 1280, height: 720, alt: '' }, href: '/s/Ab12Cd34Ef56' },
      { title: '本周末免费水质检测', summary: '门店师傅上门', cover: null, href: '/s/Gh78Ij90Kl12' },
    ],
    vcardUrl: `/s/${SHARE_CODE}/contact.vcf`,
    brand: { ...DEFAULT_BRAND, name: '清泉净水' },
    form: leadFormModel(SHARE_CODE),
    urls: landingUrls(SHARE_CODE, '/static/landing/landing.js'),
    ...overrides,
  };
}
