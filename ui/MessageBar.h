#pragma once

#include <QFrame>

class QLabel;
class QTimer;
class QToolButton;

namespace fc {

// A one-message bar above the pages, for what does not fit the status bar: the text wraps, so
// a long message (a keychain that cannot be used, a failure with its reason) is read whole
// instead of being cut at the window's edge. It closes with its button or after a timeout.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning };

    explicit MessageBar(QWidget *parent = nullptr);

    // timeoutMs 0 keeps the message until it is closed or replaced.
    void showMessage(const QString &text, Kind kind = Kind::Information, int timeoutMs = 0);
    QString text() const;
    Kind kind() const { return m_kind; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
    QTimer *m_timer;
    Kind m_kind = Kind::Information;
    bool m_applying = false;
};

} // namespace fc
