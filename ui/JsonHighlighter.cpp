#include "JsonHighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace fc {

JsonHighlighter::JsonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    updateColors();
}

void JsonHighlighter::updateColors()
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x45, 0x8a));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_literal.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff));
    m_punctuation.setForeground(dark ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x60, 0x60, 0x60));
    rehighlight();
}

// A small scanner rather than regular expressions: strings may hold escaped quotes, and a key is
// a string followed by a colon, which a scanner sees directly.
void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c == u'"') {
            qsizetype j = i + 1;
            while (j < n && text[j] != u'"') {
                if (text[j] == u'\\')
                    ++j;
                ++j;
            }
            const qsizetype end = qMin(j + 1, n);
            qsizetype k = end;
            while (k < n && text[k].isSpace())
                ++k;
            const bool isKey = k < n && text[k] == u':';
            setFormat(static_cast<int>(i), static_cast<int>(end - i), isKey ? m_key : m_string);
            i = end;
        } else if (c.isDigit() || (c == u'-' && i + 1 < n && text[i + 1].isDigit())) {
            qsizetype j = i + 1;
            while (j < n && (text[j].isDigit() || text[j] == u'.' || text[j] == u'e' || text[j] == u'E' ||
                             text[j] == u'+' || text[j] == u'-'))
                ++j;
            setFormat(static_cast<int>(i), static_cast<int>(j - i), m_number);
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i + 1;
            while (j < n && text[j].isLetter())
                ++j;
            setFormat(static_cast<int>(i), static_cast<int>(j - i), m_literal);
            i = j;
        } else {
            if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',')
                setFormat(static_cast<int>(i), 1, m_punctuation);
            ++i;
        }
    }
}

} // namespace fc
