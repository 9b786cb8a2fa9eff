// What a model can take as input, judged from its name. Used to send issue images as image parts
// to models that read images, and as plain URLs to the rest.

const VISION_MODELS: RegExp[] = [
  /gpt-4o/i,
  /gpt-4\.1/i,
  /gpt-4-turbo/i,
  /gpt-5/i,
  /(^|[/-])o[34](-|$)/i,
  /claude-(3|3-5|3-7|sonnet-4|opus-4|haiku-4|4)/i,
  /claude-[a-z]+-4/i,
  /gemini/i,
  /pixtral/i,
  /llava/i,
  /grok-(2-vision|4)/i,
  /qwen.*vl/i,
  /llama-?(3\.2|4).*(vision|scout|maverick)/i,
];

/** True when the model is known to accept image inputs; `override` (a setting) wins. */
export function supportsVision(model: string, override?: boolean): boolean {
  if (override !== undefined) return override;
  const name = model.replace(/^replay\//, '');
  return VISION_MODELS.some((re) => re.test(name));
}
