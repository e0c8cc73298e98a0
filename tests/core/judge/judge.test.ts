import { describe, expect, it } from 'vitest';
import { type JudgeContext, type Verdict, judgeReply, verdictToReplyQuality } from '../../../src/core/judge/index';

/** The judge's behaviour on the cases the issue names, each read as a trainee would write it. */

const unhappy: JudgeContext = {
  post: { text: 'You left my 79 year old mum alone on Skipton platform at midnight.', category: 'unhappy', sentiment: -2 },
  channel: 'facebook',
};
const quoted = (text: string, v: Verdict, label: string) => v.evidence.filter((e) => e.label === label).map((e) => text.slice(e.from, e.to));

describe('judgeReply', () => {
  it('finds the parts of a genuine reply and quotes the words for each', () => {
    const text = "Kerry, I'm so sorry. Leaving your mum alone at midnight was not good enough. I've asked our refunds team to reopen her claim today; could you DM us her booking details?";
    const v = judgeReply(text, unhappy);
    expect(v.blocks).toEqual(['acknowledge', 'apologise', 'nextStep', 'inviteDm']);
    expect(v.breaches).toEqual([]);
    expect(v.tone).toBe('empathetic');
    expect(v.quality).toBe(2);
    expect(quoted(text, v, 'apologise')).toContain("I'm so sorry");
    expect(quoted(text, v, 'inviteDm')).toEqual(['DM us']);
  });

  it.each([
    ["We won't ask you to phone us — that was the wrong call on our part.", 'pushedToPhone'],
    ['There is no need to ring the helpline, we can sort it here.', 'pushedToPhone'],
    ['DM us your booking reference and we will sort it.', 'personalDataInPublic'],
    ["Please don't post your booking reference here; send it by private message.", 'personalDataInPublic'],
    ["It's not your fault at all, and we're sorry.", 'defensiveTone'],
    ['Everyone on the cancelled train is entitled to a full refund under our policy.', 'publicCompensation'],
    ["We can't offer vouchers, but your refund is being processed today.", 'publicCompensation'],
    // The brand phoning someone is not a push to the phone: the verb's actor decides.
    ["We'll ring the station now and call you back within the hour.", 'pushedToPhone'],
    ['Our team can phone the depot for you.', 'pushedToPhone'],
    // The brand handing details over is not asking for them.
    ['Sorry, we will send you the details by email.', 'personalDataInPublic'],
    // A passive "you should have been told" owns the failure; a website that can help is not a rule cited.
    ['You should have been told about the charge before the work started, and that is on us.', 'defensiveTone'],
    ['Our website can show you the nearest branch with stock.', 'defensiveTone'],
    ["We're the ones responsible for preparing your order, so the refund is on us.", 'defensiveTone'],
  ])('does not read %j as %s', (text, breach) => {
    expect(judgeReply(text, unhappy).breaches).not.toContain(breach);
  });

  it.each([
    ['Please post your booking reference below.', 'personalDataInPublic', 'post your booking reference'],
    ['Call our customer relations team on 0345 600 7245.', 'pushedToPhone', 'Call our customer relations team'],
    ["As a goodwill gesture we'd like to offer you a £50 voucher.", 'publicCompensation', 'goodwill gesture'],
    ["We're sorry you feel that way.", 'defensiveTone', 'sorry you feel'],
    ['As per our terms, no refund is due.', 'defensiveTone', 'As per our terms'],
    ["Hmm, that's not what our records show.", 'defensiveTone', 'not what our records show'],
    // Families of defensiveness from blind set 6: a third party blamed, the terms' qualifiers, a cause laid on habit, doubt, tone policing.
    ["Sellers are responsible for packing their items, we're only the marketplace.", 'defensiveTone', "we're only the marketplace"],
    ['Pricing decisions are made by the landlord. We recommend contacting your landlord directly.', 'defensiveTone', 'decisions are made by the landlord'],
    ['Table bookings are subject to availability and do not guarantee a window seat.', 'defensiveTone', 'subject to availability'],
    ['Battery drain is usually down to charging habits.', 'defensiveTone', 'is usually down to'],
    ['Please check with your neighbours before making accusations like this.', 'defensiveTone', 'making accusations like this'],
    ["Our courier's tracking shows it was handed over at 10:14.", 'defensiveTone', "Our courier's tracking shows"],
    ["We're not aware of any faults with the app.", 'defensiveTone', 'not aware of any faults'],
    ['Please stop typing in capital letters.', 'defensiveTone', 'stop typing in capital letters'],
    ['You can sort it by calling 0300 123 4567.', 'pushedToPhone', 'calling 0300 123 4567'],
    ["Can you tell us the account holder's name so we can check?", 'personalDataInPublic', "Can you tell us the account holder's name"],
    ['Your account number is 40417712, and it is now unlocked.', 'personalDataInPublic', 'account number is 40417712'],
  ])('cites %j as %s, quoting the words', (text, breach, words) => {
    const v = judgeReply(text, unhappy);
    expect(v.breaches).toContain(breach);
    expect(quoted(text, v, breach)).toContain(words);
  });

  it('reads a bad experience said of the situation even after a determiner "no"', () => {
    const v = judgeReply('Two hours with no update is poor, and I am sorry.', unhappy);
    expect(v.blocks).toContain('acknowledge');
    expect(quoted('Two hours with no update is poor, and I am sorry.', v, 'acknowledge')).toEqual(['is poor']);
  });

  it('asks for data in a DM without a breach, and the same request in public with one', () => {
    const text = 'Could you send me the booking reference and the email she used?';
    expect(judgeReply(text, { ...unhappy, kind: 'dm', channel: 'dm' }).breaches).toEqual([]);
    expect(judgeReply(text, unhappy).breaches).toEqual(['personalDataInPublic']);
  });

  it('reads British and American spelling, typos and emoji alike', () => {
    for (const text of ['We apologise, we will look into it.', 'We apologize, we will look into it.', 'We appologise, we will look into it 🙏']) {
      expect(judgeReply(text, unhappy).blocks, text).toEqual(expect.arrayContaining(['apologise', 'nextStep']));
    }
  });

  it('scores keyword stuffing below a genuine reply and says why', () => {
    const stuffed = judgeReply('sorry sorry apologies understand DM thanks', unhappy);
    const genuine = judgeReply("I'm sorry, that's awful. Please DM us and we'll put it right today.", unhappy);
    expect(stuffed.quality).toBeLessThan(genuine.quality);
    expect(stuffed.blocks).toEqual([]);
    expect(stuffed.evidence.map((e) => e.label)).toEqual(['keywordStuffing']);
  });

  it('reads a reply of nothing but hashtags as stuffing, not a reply with hashtags in it', () => {
    // Blind set 5 held one ("#sorry #apologies #weunderstand #thankyou #DM #nextsteps") that scored like a genuine reply.
    const tags = judgeReply('#sorrynotsorry #wehearyou #customerfirst #DMus', unhappy);
    expect(tags.evidence.map((e) => e.label)).toEqual(['keywordStuffing']);
    expect(tags.quality).toBeLessThan(judgeReply("I'm sorry, that's awful. Please DM us and we'll put it right today.", unhappy).quality);
    expect(judgeReply("We're sorry, the 8:10 was cancelled by a signal fault; we'll refund you today. #DalesDelays", unhappy).evidence.map((e) => e.label)).not.toContain('keywordStuffing');
  });

  it('reads effusive empty empathy as stuffing: strong feelings and "you matter" lines with nothing about the problem', () => {
    // Blind set 6 held one that scored level with the genuine replies to its post.
    const text = "Oh no! 😢💔 We're devastated, heartbroken and truly sorry 🙏 your experience matters, your voice matters, you matter ❤️ slide into our DMs 💌";
    const effusive = judgeReply(text, unhappy);
    expect(effusive.evidence.map((e) => e.label)).toEqual(['keywordStuffing']);
    expect(effusive.blocks).toEqual([]);
    expect(effusive.quality).toBeLessThan(judgeReply("I'm sorry, that's awful. Please DM us and we'll put it right today.", unhappy).quality);
  });

  it('does not read a warm reply with the same feelings as stuffing when it says what happened and what is being done', () => {
    const text = "We're devastated and heartbroken that your mum was left alone on the platform at midnight. Your experience matters, you matter. I've asked our station manager to call you today and her refund is being reopened.";
    const warm = judgeReply(text, unhappy);
    expect(warm.evidence.map((e) => e.label)).not.toContain('keywordStuffing');
    expect(warm.blocks).toContain('nextStep');
  });

  it('reads validation of the customer\'s feelings as stuffing when it says nothing about the problem', () => {
    // Blind set 7 held one that scored the top quality, level with the genuine replies to its post.
    const text = "We're sorry to hear you're feeling disappointed. We understand that your feelings are valid, and we empathise with your disappointment. Thank you for sharing your feelings with us. Please DM us.";
    const validating = judgeReply(text, unhappy);
    expect(validating.evidence.map((e) => e.label)).toEqual(['keywordStuffing']);
    expect(validating.quality).toBeLessThan(judgeReply("I'm sorry, that's awful. Please DM us and we'll put it right today.", unhappy).quality);
    const warm = "Your feelings are valid and we share your disappointment: your mum was left alone on the platform at midnight. Thank you for sharing it. Her refund is being reopened today.";
    expect(judgeReply(warm, unhappy).evidence.map((e) => e.label)).not.toContain('keywordStuffing');
  });

  it("reads the brand's mission-statement boilerplate as stuffing when it says nothing about the problem, a phone number included", () => {
    // Blind set 7 held one that scored level with the worst genuine reply to its post.
    const renewal = { post: { text: 'Drivesure renewal quote went from £420 to £890. No claims, same car, same address. Explain that.', category: 'unhappy' as const, sentiment: -1 } };
    const slogans = judgeReply(
      "At Drivesure, we're passionately committed to delivering fair, transparent, customer-centric pricing solutions that reflect our values and your needs. Our friendly team are available on 0345 122 9090 to support you on your insurance journey.",
      renewal,
    );
    expect(slogans.evidence.filter((e) => e.label === 'keywordStuffing').map((e) => e.reason)).toEqual(["recites the brand's mission statement without a word about the problem"]);
    const answer = judgeReply("Sorry Ian, we're committed to transparent pricing and our values say a jump like that needs explaining: I've asked our pricing team to recheck your renewal quote today.", renewal);
    expect(answer.evidence.map((e) => e.label)).not.toContain('keywordStuffing');
    expect(slogans.quality).toBeLessThan(answer.quality);
  });

  it('calls a reply canned when it shares most of its wording with an earlier one, not only when identical', () => {
    const earlier = [{ text: "Hi, we're sorry to hear about your experience. Please send us a DM with your booking reference and we'll look into this.", channel: 'x' }];
    const near = "Hi Kerry, we're so sorry to hear about your experience! Please send us a DM with your booking reference and we'll look into this.";
    const fresh = "That's a horrible night for your mum and I'm sorry. Drop me a message and I'll chase the refund myself.";
    expect(judgeReply(near, { ...unhappy, earlier }).breaches).toEqual(['cannedRepeat']);
    expect(judgeReply(near, { ...unhappy, earlier }).evidence.find((e) => e.label === 'cannedRepeat')!.reason).toMatch(/on x \(\d+% of word runs shared\)/);
    expect(judgeReply(fresh, { ...unhappy, earlier }).breaches).toEqual([]);
  });

  it('flags an answer that contradicts what the brand said on another channel', () => {
    const earlier = [{ text: 'The outage was caused by a damaged fibre cable. Engineers expect service back within 6 hours.', channel: 'x' }];
    const cause = 'The outage was caused by a power cut at the substation.';
    const time = 'Engineers now expect the service back within 24 hours.';
    const same = 'The damaged fibre cable is being repaired and we still expect service back within 6 hours.';
    expect(judgeReply(cause, { ...unhappy, earlier }).breaches).toEqual(['inconsistentAnswer']);
    expect(judgeReply(time, { ...unhappy, earlier }).breaches).toEqual(['inconsistentAnswer']);
    expect(judgeReply(same, { ...unhappy, earlier }).breaches).toEqual([]);
    expect(judgeReply('It was outside our control.', { ...unhappy, earlier: [{ text: 'This was our mistake.', kind: 'dm', channel: 'dm' }] }).breaches).toEqual(['inconsistentAnswer']);
  });

  it.each([
    // Families of contradiction from blind set 6, each against what the brand said before.
    ['a different cause', 'A flood at our Leeds warehouse meant we lost a day of orders.', 'Orders were late because of unusually high demand.'],
    ['a problem denied after it was admitted', 'We know the payments page has been crashing since 9am.', "There are no known issues with payments, everything's working normally."],
    ['a refund withdrawn', 'Everyone on the cancelled sailing will get a full refund within 7 days.', 'For cancelled sailings we issue a voucher rather than a refund.'],
    ['a different sum for the same payment', 'Each missed delivery earns a £20 credit on your account.', 'Missed deliveries earn a £5 credit per delivery.'],
    ['a different count affected', 'A burst main cut water to around 4,000 homes in Ripon.', 'Around 900 homes in Ripon lost water this morning.'],
    ['a different deadline', 'Engineers expect to restore supply by 6pm Thursday.', 'Supply will be restored by the weekend.'],
  ])('flags %s', (_family, before, reply) => {
    expect(judgeReply(reply, { ...unhappy, earlier: [{ text: before, channel: 'x' }] }).breaches).toContain('inconsistentAnswer');
  });

  it.each([
    ['a range inside the promised time', 'Refunds are paid within 5 working days.', 'Your refund is processed and should reach you in 3-5 working days.'],
    ['no claim needed, said again', "You don't need to apply for the refund.", "There's nothing you need to apply for, the refund is automatic."],
    ['a per-day sum against its total', 'Every household gets £30 for each day without heating.', 'You were without heating four days, so £120 compensation is on its way.'],
  ])('does not flag %s', (_case, before, reply) => {
    expect(judgeReply(reply, { ...unhappy, earlier: [{ text: before, channel: 'x' }] }).breaches).not.toContain('inconsistentAnswer');
  });

  it('gives evidence inside the text for every label it returns', () => {
    const text = "So sorry!! Pls post ur booking ref below & ring us on 0800 123 4567, we'll give you a free ticket 😂";
    const v = judgeReply(text, unhappy);
    for (const label of [...v.blocks, ...v.breaches]) expect(v.evidence.some((e) => e.label === label), label).toBe(true);
    for (const e of v.evidence) expect(e.from >= 0 && e.to <= text.length && e.from < e.to, JSON.stringify(e)).toBe(true);
    expect(v.breaches).toEqual(['personalDataInPublic', 'pushedToPhone', 'publicCompensation', 'defensiveTone']);
  });

  it('returns the same verdict for the same input, and maps onto the simulation’s reply quality', () => {
    const text = "We're sorry. Please call us on 0345 600 7245.";
    const a = judgeReply(text, unhappy);
    expect(judgeReply(text, unhappy)).toEqual(a);
    expect(verdictToReplyQuality(a)).toEqual({ quality: a.quality, breaches: ['pushedToPhone'], notes: a.evidence.map((e) => `${e.label}: ${e.reason}`) });
  });
});
