// Until webchat-markdown.js has run: the message as escaped text with **bold**, *italics* and
// paragraphs, so a welcome that arrives first reads right; the full renderer replaces it.
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export default function renderInline(markdown) {
  return String(markdown || '')
    .split(/\n{2,}/)
    .map(paragraph =>
      '<p>' +
      paragraph
        .replace(/[&<>"']/g, c => ESCAPES[c])
        .replace(/\\([\\*_[\]()`#+\-.!])/g, '$1')
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/\*(.+?)\*/g, '<em>$1</em>')
        .replace(/\n/g, '<br>') +
      '</p>'
    )
    .join('');
}
