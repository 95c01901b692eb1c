#pragma once

#include <QMainWindow>

class QSplitter;
class QTreeView;
class QLineEdit;
class QStackedWidget;

namespace fc {

// The console's main window: the environment and flow tree on the left, the selected item on the
// right. Geometry and splitter state are remembered between sessions.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void restoreState();
    void saveState() const;

    QSplitter *m_splitter = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeView *m_tree = nullptr;
    QStackedWidget *m_pages = nullptr;
};

} // namespace fc
